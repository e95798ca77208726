/**
 * The rule dimensions of SPEC §5.2 step 2, in priority order: region, then industry, then
 * skill. Each narrows the pool only when it leaves someone to pick; a rule that matches nobody
 * keeps the pool and says so, so a lead from a region nobody covers still reaches a rep. A
 * step that narrows names the reps it left out and what it saw of them ("未覆盖: 王五 (北京市)"),
 * the first MAX_NAMED of them and a count of the rest, so a line stays readable with 200 reps.
 *
 * Matching reuses the rest of LeadLoop: a rep covering a province covers its cities
 * (normalise/region.ts regionMatches), and industries match like scoring's industry rules
 * (contained either way, case-insensitive, Latin words whole-word). Answers are remembered per
 * (lead value, rep value) pair, so routing with 200 reps is map lookups, not taxonomy walks.
 */
import { regionByCode, regionMatches } from '../normalise/region.js';
import { toHalfWidth } from '../normalise/width.js';
import { BoundedMemo } from '../scoring/bounded-memo.js';
import { regionLabel, regionName, repLabel } from './format.js';
import type { Mention, RepCandidate, RoutingLead, RoutingParams, RoutingPolicy, RoutingStep } from './routing-types.js';

export interface Narrowed {
  pool: RepCandidate[];
  step: RoutingStep;
}

/**
 * Remembers a yes/no per (lead value, rep value) pair; bounded like scoring's memo. A decision
 * fetches the lead's answers once and then pays one map lookup per rep value.
 */
class PairMemo {
  readonly #byLead: BoundedMemo<Map<string, boolean>>;
  constructor(private readonly test: (leadValue: string, repValue: string) => boolean) {
    this.#byLead = new BoundedMemo(() => new Map(), 2_000);
  }
  answersFor(leadValue: string): Map<string, boolean> {
    return this.#byLead.get(leadValue);
  }
  answer(answers: Map<string, boolean>, leadValue: string, repValue: string): boolean {
    let answer = answers.get(repValue);
    if (answer === undefined) {
      answer = this.test(leadValue, repValue);
      if (answers.size < 5_000) answers.set(repValue, answer);
    }
    return answer;
  }
  anyOf(leadValue: string, repValues: readonly string[]): boolean {
    const answers = this.answersFor(leadValue);
    for (const value of repValues) if (this.answer(answers, leadValue, value)) return true;
    return false;
  }
}

const regionMemo = new PairMemo((lead, wanted) => regionMatches(lead, wanted));

/** True when one of the rep's regions is the lead's region or contains it. */
export function repCoversRegion(rep: Pick<RepCandidate, 'regions'>, leadRegionCode: string): boolean {
  return regionMemo.anyOf(leadRegionCode, rep.regions);
}

const fold = (text: string) => toHalfWidth(text).trim().toLowerCase();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LATIN = /^[\x20-\x7e]+$/;

/** `needle` occurs in `haystack`; a Latin needle only as whole words ("it" is not in "retail"). */
function occursIn(haystack: string, needle: string): boolean {
  if (needle === '') return false;
  if (!LATIN.test(needle)) return haystack.includes(needle);
  return new RegExp(`(?<![a-z0-9])${escapeRegExp(needle)}(?![a-z0-9])`).test(haystack);
}

/** 制造 ~ 汽车制造, "SaaS" ~ "B2B SaaS", 智能制造 ~ 制造: either contains the other. */
export function industriesMatch(leadIndustry: string, repIndustry: string): boolean {
  const lead = fold(leadIndustry);
  const rep = fold(repIndustry);
  return occursIn(lead, rep) || occursIn(rep, lead);
}

const industryMemo = new PairMemo(industriesMatch);

export function repKnowsIndustry(rep: Pick<RepCandidate, 'industries'>, leadIndustry: string): boolean {
  return industryMemo.anyOf(leadIndustry, rep.industries);
}

function anyAnswer(
  memo: PairMemo,
  answers: Map<string, boolean>,
  leadValue: string,
  repValues: readonly string[],
): boolean {
  for (const value of repValues) if (memo.answer(answers, leadValue, value)) return true;
  return false;
}

/** At most this many left-out reps are named in one line; the rest are counted ("…等 N 人"). */
export const MAX_NAMED = 10;
const MAX_VALUES_SHOWN = 3;

/** How a step words the reps it removed, and how it names each ("王五 (北京市)", and as a Mention). */
interface LeftOut {
  zh: string;
  en: string;
  label: Labeller;
}

/**
 * "王五 (北京市)、赵六 (广东省)…等 12 人 (12 in all)": the first reps (at most MAX_NAMED, as
 * collected) by `label`, and the count of all `total` when there are more.
 */
export function nameLeftOut<T>(named: readonly T[], total: number, label: (rep: T) => string): string {
  const shown = Math.min(named.length, MAX_NAMED);
  let text = shown > 0 ? label(named[0]) : '';
  for (let i = 1; i < shown; i++) text += `、${label(named[i])}`;
  return total > shown ? `${text}…等 ${total} 人 (${total} in all)` : text;
}

/** A rep as a step names them: "王五 (北京市/天津市)", and the same as data ({name, regions}). */
interface Labelled {
  text: string;
  mention: Mention;
}
type Labeller = (rep: RepCandidate) => Labelled;

/**
 * A rep's name with what a step saw of them, "王五 (北京市/天津市)" and as a Mention, remembered
 * per rep object while its name and the shown value stay the same: a roster is routed against
 * again and again, and these lines would otherwise be a good part of a decision's cost.
 */
function labeller(
  detail: (rep: RepCandidate) => string,
  key: (rep: RepCandidate) => unknown,
  seen: (rep: RepCandidate) => Omit<Mention, 'name'>,
): Labeller {
  const cache = new WeakMap<RepCandidate, Labelled & { name: string; key: unknown }>();
  return (rep) => {
    const k = key(rep);
    const hit = cache.get(rep);
    if (hit !== undefined && hit.name === rep.name && hit.key === k) return hit;
    const name = repLabel(rep, rep.id);
    const made = {
      name: rep.name,
      key: k,
      text: `${name} (${detail(rep)})`,
      mention: Object.freeze({ name, ...seen(rep) }),
    };
    cache.set(rep, made);
    return made;
  };
}

/**
 * What a rule dimension's line counts: the pool, how many matched, how many it left out and the
 * first of them (named only when it narrowed). Each dimension builds its params from these with
 * its own literal (no spread): one object shape per call site keeps the hot path monomorphic.
 */
interface Counts {
  pool: number;
  matching: number;
  removed: number;
  leftOut: readonly Mention[];
}
const NOBODY: readonly Mention[] = Object.freeze([]);

const textOf = (l: Labelled) => l.text;
const mentionOf = (l: Labelled) => l.mention;

function listText(values: readonly string[], label: (v: string) => string, none: string): string {
  if (values.length === 0) return none;
  const shown = values.slice(0, MAX_VALUES_SHOWN).map(label).join('/');
  return values.length > MAX_VALUES_SHOWN ? `${shown}…` : shown;
}

const regionZh = (code: string) => regionByCode(code)?.name ?? code;
const labelByRegions = labeller(
  (rep) => listText(rep.regions, regionZh, '未设地区 no regions'),
  (rep) => rep.regions,
  (rep) => ({ regions: rep.regions.map(regionName) }),
);
const labelByIndustries = labeller(
  (rep) => listText(rep.industries, (v) => v, '未设行业 no industries'),
  (rep) => rep.industries,
  (rep) => ({ industries: [...rep.industries] }),
);
const labelByLevel = labeller(
  (rep) => `级别 ${rep.level}`,
  (rep) => rep.level,
  (rep) => ({ level: rep.level }),
);

/** Splits `pool` by `test`: every rep that passes, and the first MAX_NAMED that fail with their count. */
function split(pool: readonly RepCandidate[], test: (rep: RepCandidate) => boolean): Split {
  const matching: RepCandidate[] = [];
  const named: RepCandidate[] = [];
  let removed = 0;
  for (const rep of pool) {
    if (test(rep)) matching.push(rep);
    else if (removed++ < MAX_NAMED) named.push(rep);
  }
  return { matching, named, removed };
}

interface Split {
  matching: RepCandidate[];
  /** The first MAX_NAMED reps left out, in pool order. */
  named: RepCandidate[];
  removed: number;
}

/**
 * Keeps `matching` when it leaves someone, else the whole pool; the explanation line either
 * way. When it narrows, the line names the reps it removed (the first MAX_NAMED) and why.
 */
function narrow(
  pool: RepCandidate[],
  { matching, named, removed }: Split,
  step: RoutingStep['step'],
  subject: string,
  matchedWhat: { zh: string; en: string },
  leftOut: LeftOut,
  line: {
    code: 'region' | 'industry' | 'skill_must_win' | 'skill_practice';
    params: (counts: Counts) => RoutingParams;
  },
): Narrowed {
  const n = pool.length;
  if (matching.length === 0) {
    return {
      pool,
      step: {
        step,
        outcome: 'no_match',
        message: `${subject} — 无人${matchedWhat.zh}, 保留全部 ${n} 人 (no rep ${matchedWhat.en}; pool kept)`,
        code: line.code,
        params: line.params({ pool: n, matching: 0, removed: 0, leftOut: NOBODY }),
      },
    };
  }
  if (matching.length === n) {
    return {
      pool,
      step: {
        step,
        outcome: 'matched',
        message: `${subject} — ${n} 人全部${matchedWhat.zh} (all ${n} reps ${matchedWhat.en})`,
        code: line.code,
        params: line.params({ pool: n, matching: n, removed: 0, leftOut: NOBODY }),
      },
    };
  }
  const labelled = named.map(leftOut.label);
  return {
    pool: matching,
    step: {
      step,
      outcome: 'narrowed',
      message:
        `${subject} — ${n} 人中 ${matching.length} 人${matchedWhat.zh} (${matching.length} of ${n} reps ${matchedWhat.en}; narrowed); ` +
        `${leftOut.zh} (${leftOut.en}): ${nameLeftOut(labelled, removed, textOf)}`,
      code: line.code,
      params: line.params({ pool: n, matching: matching.length, removed, leftOut: labelled.map(mentionOf) }),
    },
  };
}

export function narrowByRegion(pool: RepCandidate[], lead: Pick<RoutingLead, 'regionCode'>): Narrowed {
  const code = lead.regionCode?.trim();
  if (!code) {
    return {
      pool,
      step: {
        step: 'region',
        outcome: 'kept',
        message: '地区 (region): 线索无地区, 不按地区筛选 (lead has no region; pool kept)',
        code: 'region_unknown',
        params: {},
      },
    };
  }
  const answers = regionMemo.answersFor(code);
  return narrow(
    pool,
    split(pool, (rep) => anyAnswer(regionMemo, answers, code, rep.regions)),
    'region',
    `地区 (region): ${regionLabel(code)}`,
    { zh: '覆盖该地区', en: 'cover it' },
    { zh: '未覆盖', en: 'left out, not covering it', label: labelByRegions },
    {
      code: 'region',
      params: (c) => ({
        region: regionName(code),
        pool: c.pool,
        matching: c.matching,
        removed: c.removed,
        leftOut: c.leftOut,
      }),
    },
  );
}

export function narrowByIndustry(pool: RepCandidate[], lead: Pick<RoutingLead, 'industry'>): Narrowed {
  const industry = lead.industry?.trim();
  if (!industry) {
    return {
      pool,
      step: {
        step: 'industry',
        outcome: 'kept',
        message: '行业 (industry): 线索无行业, 不按行业筛选 (lead has no industry; pool kept)',
        code: 'industry_unknown',
        params: {},
      },
    };
  }
  const answers = industryMemo.answersFor(industry);
  return narrow(
    pool,
    split(pool, (rep) => anyAnswer(industryMemo, answers, industry, rep.industries)),
    'industry',
    `行业 (industry): ${industry}`,
    { zh: '有该行业案例', en: 'have cases in it' },
    { zh: '无该行业案例', en: 'left out, no cases in it', label: labelByIndustries },
    {
      code: 'industry',
      params: (c) => ({ industry, pool: c.pool, matching: c.matching, removed: c.removed, leftOut: c.leftOut }),
    },
  );
}

export function isMustWin(lead: Pick<RoutingLead, 'grade'>, policy: Pick<RoutingPolicy, 'skill'>): boolean {
  return policy.skill !== null && lead.grade !== null && policy.skill.mustWinGrades.includes(lead.grade);
}

export function narrowBySkill(
  pool: RepCandidate[],
  lead: Pick<RoutingLead, 'grade'>,
  policy: Pick<RoutingPolicy, 'skill'>,
): Narrowed {
  const skill = policy.skill;
  if (skill === null) {
    return {
      pool,
      step: {
        step: 'skill',
        outcome: 'kept',
        message: '技能 (skill): 未配置技能规则 (no skill policy; pool kept)',
        code: 'skill_off',
        params: {},
      },
    };
  }
  const grade = lead.grade ?? '无等级';
  const mustWin = isMustWin(lead, policy);
  const byLevel = split(pool, (rep) => rep.level >= skill.topLevel === mustWin);
  const params = (c: Counts): RoutingParams => ({
    grade: lead.grade,
    topLevel: skill.topLevel,
    pool: c.pool,
    matching: c.matching,
    removed: c.removed,
    leftOut: c.leftOut,
  });
  if (mustWin) {
    return narrow(
      pool,
      byLevel,
      'skill',
      `技能 (skill): ${grade} 为必赢线索, 优先资深销售 (must-win → level ≥ ${skill.topLevel})`,
      { zh: `级别 ≥ ${skill.topLevel}`, en: `are at level ≥ ${skill.topLevel}` },
      { zh: '级别不足', en: `left out, below level ${skill.topLevel}`, label: labelByLevel },
      { code: 'skill_must_win', params },
    );
  }
  return narrow(
    pool,
    byLevel,
    'skill',
    `技能 (skill): ${grade} 非必赢线索, 留给新人练手 (not must-win → level < ${skill.topLevel})`,
    { zh: `级别 < ${skill.topLevel}`, en: `are below level ${skill.topLevel}` },
    { zh: '留给必赢线索', en: `left out, kept for must-win leads at level ≥ ${skill.topLevel}`, label: labelByLevel },
    { code: 'skill_practice', params },
  );
}
