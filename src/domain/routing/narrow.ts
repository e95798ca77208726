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
import { regionLabel, repLabel } from './format.js';
import type { RepCandidate, RoutingLead, RoutingPolicy, RoutingStep } from './routing-types.js';

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

/** How a step words the reps it removed, and how it names each ("王五 (北京市)"). */
interface LeftOut {
  zh: string;
  en: string;
  label: (rep: RepCandidate) => string;
}

/**
 * "王五 (北京市)、赵六 (广东省)…等 12 人 (12 in all)": the first reps (at most MAX_NAMED, as
 * collected) by `label`, and the count of all `total` when there are more.
 */
export function nameLeftOut(
  named: readonly RepCandidate[],
  total: number,
  label: (rep: RepCandidate) => string,
): string {
  const shown = Math.min(named.length, MAX_NAMED);
  let text = shown > 0 ? label(named[0]) : '';
  for (let i = 1; i < shown; i++) text += `、${label(named[i])}`;
  return total > shown ? `${text}…等 ${total} 人 (${total} in all)` : text;
}

/**
 * A rep's name with what a step saw of them, "王五 (北京市/天津市)", remembered per rep object
 * while its name and the shown value stay the same: a roster is routed against again and again,
 * and these lines would otherwise be a good part of a decision's cost.
 */
function labeller(detail: (rep: RepCandidate) => string, key: (rep: RepCandidate) => unknown) {
  const cache = new WeakMap<RepCandidate, { name: string; key: unknown; text: string }>();
  return (rep: RepCandidate): string => {
    const k = key(rep);
    const hit = cache.get(rep);
    if (hit !== undefined && hit.name === rep.name && hit.key === k) return hit.text;
    const text = `${repLabel(rep, rep.id)} (${detail(rep)})`;
    cache.set(rep, { name: rep.name, key: k, text });
    return text;
  };
}

function listText(values: readonly string[], label: (v: string) => string, none: string): string {
  if (values.length === 0) return none;
  const shown = values.slice(0, MAX_VALUES_SHOWN).map(label).join('/');
  return values.length > MAX_VALUES_SHOWN ? `${shown}…` : shown;
}

const regionName = (code: string) => regionByCode(code)?.name ?? code;
const labelByRegions = labeller(
  (rep) => listText(rep.regions, regionName, '未设地区 no regions'),
  (rep) => rep.regions,
);
const labelByIndustries = labeller(
  (rep) => listText(rep.industries, (v) => v, '未设行业 no industries'),
  (rep) => rep.industries,
);
const labelByLevel = labeller(
  (rep) => `级别 ${rep.level}`,
  (rep) => rep.level,
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
): Narrowed {
  const n = pool.length;
  if (matching.length === 0) {
    return {
      pool,
      step: {
        step,
        outcome: 'no_match',
        message: `${subject} — 无人${matchedWhat.zh}, 保留全部 ${n} 人 (no rep ${matchedWhat.en}; pool kept)`,
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
      },
    };
  }
  return {
    pool: matching,
    step: {
      step,
      outcome: 'narrowed',
      message:
        `${subject} — ${n} 人中 ${matching.length} 人${matchedWhat.zh} (${matching.length} of ${n} reps ${matchedWhat.en}; narrowed); ` +
        `${leftOut.zh} (${leftOut.en}): ${nameLeftOut(named, removed, leftOut.label)}`,
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
      step: { step: 'skill', outcome: 'kept', message: '技能 (skill): 未配置技能规则 (no skill policy; pool kept)' },
    };
  }
  const grade = lead.grade ?? '无等级';
  const mustWin = isMustWin(lead, policy);
  const byLevel = split(pool, (rep) => rep.level >= skill.topLevel === mustWin);
  if (mustWin) {
    return narrow(
      pool,
      byLevel,
      'skill',
      `技能 (skill): ${grade} 为必赢线索, 优先资深销售 (must-win → level ≥ ${skill.topLevel})`,
      { zh: `级别 ≥ ${skill.topLevel}`, en: `are at level ≥ ${skill.topLevel}` },
      { zh: '级别不足', en: `left out, below level ${skill.topLevel}`, label: labelByLevel },
    );
  }
  return narrow(
    pool,
    byLevel,
    'skill',
    `技能 (skill): ${grade} 非必赢线索, 留给新人练手 (not must-win → level < ${skill.topLevel})`,
    { zh: `级别 < ${skill.topLevel}`, en: `are below level ${skill.topLevel}` },
    { zh: '留给必赢线索', en: `left out, kept for must-win leads at level ≥ ${skill.topLevel}`, label: labelByLevel },
  );
}
