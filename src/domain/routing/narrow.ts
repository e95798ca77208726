/**
 * The rule dimensions of SPEC §5.2 step 2, in priority order: region, then industry, then
 * skill. Each narrows the pool only when it leaves someone to pick; a rule that matches nobody
 * keeps the pool and says so, so a lead from a region nobody covers still reaches a rep.
 *
 * Matching reuses the rest of LeadLoop: a rep covering a province covers its cities
 * (normalise/region.ts regionMatches), and industries match like scoring's industry rules
 * (contained either way, case-insensitive, Latin words whole-word). Answers are remembered per
 * (lead value, rep value) pair, so routing with 200 reps is map lookups, not taxonomy walks.
 */
import { regionMatches } from '../normalise/region.js';
import { toHalfWidth } from '../normalise/width.js';
import { BoundedMemo } from '../scoring/bounded-memo.js';
import { regionLabel } from './format.js';
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

/** Keeps the reps passing `test` when there are any; the explanation line either way. */
function narrow(
  pool: RepCandidate[],
  matching: RepCandidate[],
  step: RoutingStep['step'],
  subject: string,
  matchedWhat: { zh: string; en: string },
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
      message: `${subject} — ${n} 人中 ${matching.length} 人${matchedWhat.zh} (${matching.length} of ${n} reps ${matchedWhat.en}; narrowed)`,
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
  const matching: RepCandidate[] = [];
  for (const rep of pool) if (anyAnswer(regionMemo, answers, code, rep.regions)) matching.push(rep);
  return narrow(pool, matching, 'region', `地区 (region): ${regionLabel(code)}`, {
    zh: '覆盖该地区',
    en: 'cover it',
  });
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
  const matching: RepCandidate[] = [];
  for (const rep of pool) if (anyAnswer(industryMemo, answers, industry, rep.industries)) matching.push(rep);
  return narrow(pool, matching, 'industry', `行业 (industry): ${industry}`, {
    zh: '有该行业案例',
    en: 'have cases in it',
  });
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
  const matching: RepCandidate[] = [];
  for (const rep of pool) if (rep.level >= skill.topLevel === mustWin) matching.push(rep);
  if (mustWin) {
    return narrow(
      pool,
      matching,
      'skill',
      `技能 (skill): ${grade} 为必赢线索, 优先资深销售 (must-win → level ≥ ${skill.topLevel})`,
      { zh: `级别 ≥ ${skill.topLevel}`, en: `are at level ≥ ${skill.topLevel}` },
    );
  }
  return narrow(
    pool,
    matching,
    'skill',
    `技能 (skill): ${grade} 非必赢线索, 留给新人练手 (not must-win → level < ${skill.topLevel})`,
    { zh: `级别 < ${skill.topLevel}`, en: `are below level ${skill.topLevel}` },
  );
}
