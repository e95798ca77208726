import { describe, expect, it } from 'vitest';
import { defaultScoringRules } from './default-rules.js';
import type { Behaviour } from './engagement.js';
import { gradeOf } from './grade.js';
import { compileScoringRules, type ScoringInput, scoreLead } from './score-lead.js';
import type { EngagementRules, ExplanationLine, ScoringRules } from './scoring-rules.js';
import { validateScoringRules } from './validate-rules.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date('2026-03-01T08:00:00+08:00');
const ago = (ms: number) => new Date(now.getTime() - ms);

const buildInput = (over: Partial<ScoringInput> = {}): ScoringInput => ({
  lead: { title: null, employees: null, industry: null, regionCode: null },
  behaviours: [],
  qualificationLines: [],
  ...over,
});

const sum = (lines: readonly ExplanationLine[]) => lines.reduce((total, l) => total + l.points, 0);

const bant: ExplanationLine[] = [
  { rule: 'BANT: 预算 (budget)', points: 5 },
  { rule: 'BANT: 权限 (authority)', points: 5 },
  { rule: 'BANT: 需求 (need)', points: 5 },
  { rule: 'BANT: 时间线 (timing)', points: 5 },
];

describe('scoreLead (SPEC §4.3)', () => {
  it('explains a hot lead line by line, and the lines add up to the total', () => {
    const input = buildInput({
      lead: { title: '技术总监', employees: 500, industry: '互联网', regionCode: '31' },
      behaviours: [
        { type: 'demo_request', at: ago(2 * DAY) },
        ...Array.from({ length: 12 }, () => ({ type: 'page_view', at: ago(DAY) })),
        { type: 'event_attend', at: ago(30 * DAY) },
      ],
      qualificationLines: bant,
    });
    const score = scoreLead(input, defaultScoringRules(), now);
    expect(score).toEqual({
      total: 101,
      fit: 45,
      engagement: 36,
      qualification: 20,
      grade: 'A2',
      explanation: [
        { rule: '职位级别: 总监 (director)', points: 15, code: 'seniority', params: { level: 'director' } },
        { rule: '公司规模: 200–999人', points: 15, code: 'employees', params: { min: 200, max: 999 } },
        { rule: '行业: 互联网', points: 10, code: 'industry', params: { industry: '互联网' } },
        { rule: '地区: 上海 (31)', points: 5, code: 'region', params: { region: '31', label: '上海' } },
        {
          rule: '行为: 浏览页面 (page_view) ×12',
          points: 12,
          code: 'behaviour',
          params: { type: 'page_view', count: 12 },
        },
        {
          rule: '行为: 参加活动 (event_attend) ×1',
          points: 15,
          code: 'behaviour',
          params: { type: 'event_attend', count: 1 },
        },
        {
          rule: '行为: 申请演示 (demo_request) ×1',
          points: 20,
          code: 'behaviour',
          params: { type: 'demo_request', count: 1 },
        },
        {
          rule: '行为上限: 浏览页面 (page_view) 每7天最多10分',
          points: -2,
          code: 'behaviour_cap',
          params: { type: 'page_view', days: 7, points: 10 },
        },
        { rule: '时间衰减: 半衰期30天', points: -9, code: 'decay', params: { halfLifeDays: 30 } },
        ...bant,
      ],
    });
    expect(sum(score.explanation)).toBe(score.total);
  });

  it('lets activity fade: the same lead a quarter later is A4, an SDR call list entry', () => {
    const input = buildInput({
      lead: { title: 'CEO', employees: 2000, industry: 'SaaS', regionCode: '4403' },
      behaviours: [{ type: 'demo_request', at: now }],
    });
    const rules = defaultScoringRules();
    expect(scoreLead(input, rules, now)).toMatchObject({ fit: 60, engagement: 20, grade: 'A2' });
    expect(scoreLead(input, rules, new Date(now.getTime() + 90 * DAY))).toMatchObject({
      fit: 60,
      engagement: 3,
      grade: 'A4',
    });
  });

  it('rounds qualification lines one by one (half up) and sums the rounded lines', () => {
    const score = scoreLead(
      buildInput({
        qualificationLines: [
          { rule: 'MEDDIC: 指标 (metrics)', points: 2.5 },
          { rule: 'MEDDIC: 痛点 (identifyPain)', points: 2.5 },
          { rule: 'MEDDIC: 决策流程 (decisionProcess)', points: -1.5 },
        ],
      }),
      defaultScoringRules(),
      now,
    );
    expect(score.explanation.map((l) => l.points)).toEqual([3, 3, -1]);
    expect(score.qualification).toBe(5);
    expect(score.total).toBe(5);
  });

  it('grades on the fit and engagement sub-totals only: qualification points do not change the grade', () => {
    const lead = { title: '实习生', employees: 5, industry: null, regionCode: null };
    const quiet = scoreLead(buildInput({ lead }), defaultScoringRules(), now);
    const qualified = scoreLead(buildInput({ lead, qualificationLines: bant }), defaultScoringRules(), now);
    expect([quiet.grade, qualified.grade]).toEqual(['D4', 'D4']);
    expect(qualified.total - quiet.total).toBe(20);
  });

  it('scores an empty lead as zero, D4, with no lines', () => {
    expect(scoreLead(buildInput(), defaultScoringRules(), now)).toEqual({
      total: 0,
      fit: 0,
      engagement: 0,
      qualification: 0,
      grade: 'D4',
      explanation: [],
    });
  });
});

// --- property checks over many random leads and rule sets (seeded, so failures reproduce) ---

/** mulberry32: a float in [0, 1). */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return { next, int, pick };
}

type Rng = ReturnType<typeof seeded>;

const titles = [
  '董事长',
  'CTO',
  '副总裁',
  'IT总监',
  'Head of Digital',
  '采购经理',
  '市场专员',
  '总经理助理',
  '实习生',
  '张三',
  null,
];
const industries = ['互联网', '软件', '制造业', '房地产', 'Banking', '教育', null];
const regionCodes = ['31', '11', '3301', '4403', '5101', '81', 'x', null];
const types = [
  'page_view',
  'download',
  'form_submit',
  'event_register',
  'event_attend',
  'email_open',
  'email_click',
  'chat',
  'demo_request',
  'video_play',
];

function randomRules(rng: Rng): ScoringRules {
  const rules = defaultScoringRules();
  for (const level of Object.keys(rules.fit.seniority) as (keyof ScoringRules['fit']['seniority'])[]) {
    rules.fit.seniority[level] = rng.int(-20, 40);
  }
  rules.fit.employees.unknown = rng.int(-5, 5);
  rules.engagement.halfLifeDays = rng.pick([null, 0.5, 1, 7, 30, 45.5, 90]);
  for (const rule of Object.values(rules.engagement.behaviours)) {
    rule.points = rng.int(-10, 30);
    rule.cap = rule.points > 0 && rng.next() < 0.7 ? { points: rng.int(1, 40), days: rng.int(1, 60) } : null;
  }
  return rules;
}

function randomInput(rng: Rng): ScoringInput {
  const behaviours: Behaviour[] = Array.from({ length: rng.int(0, 60) }, () => ({
    type: rng.pick(types),
    // Any millisecond from a day in the future (clock skew) to 400 days ago.
    at: new Date(now.getTime() - Math.floor((rng.next() * 401 - 1) * DAY)),
  }));
  return {
    lead: {
      title: rng.pick(titles),
      employees: rng.next() < 0.2 ? null : rng.int(0, 20_000),
      industry: rng.pick(industries),
      regionCode: rng.pick(regionCodes),
    },
    behaviours,
    qualificationLines: Array.from({ length: rng.int(0, 4) }, (_, i) => ({
      rule: `BANT: q${i}`,
      points: rng.int(-20, 20) / 2,
    })),
  };
}

/** The engagement rules written the slow, obvious way, to check the compiled scorer against. */
function referenceEngagement(rules: EngagementRules, behaviours: readonly Behaviour[]): number {
  const windows = new Map<string, { raw: number; decayed: number; cap: number }>();
  let total = 0;
  for (const b of behaviours) {
    const rule = rules.behaviours[b.type];
    if (!rule) continue;
    const age = Math.max(0, now.getTime() - b.at.getTime());
    const decayed = rules.halfLifeDays ? rule.points * 0.5 ** (age / (rules.halfLifeDays * DAY)) : rule.points;
    if (!rule.cap) {
      total += decayed;
      continue;
    }
    const key = `${b.type}#${Math.floor(age / (rule.cap.days * DAY))}`;
    const w = windows.get(key) ?? { raw: 0, decayed: 0, cap: rule.cap.points };
    w.raw += rule.points;
    w.decayed += decayed;
    windows.set(key, w);
  }
  for (const w of windows.values()) total += w.raw > w.cap ? w.decayed * (w.cap / w.raw) : w.decayed;
  return Math.round(total);
}

describe('explanations add up (property checks, seeded)', () => {
  it('for 3,000 random leads under 30 random rule sets, every line is whole and the lines sum to the total', () => {
    const rng = seeded(20260301);
    for (let r = 0; r < 30; r++) {
      const rules = randomRules(rng);
      expect(validateScoringRules(rules).ok).toBe(true);
      const scorer = compileScoringRules(rules);
      for (let i = 0; i < 100; i++) {
        const input = randomInput(rng);
        const score = scorer.score(input, now);
        for (const l of score.explanation) expect(Number.isInteger(l.points)).toBe(true);
        expect(sum(score.explanation)).toBe(score.total);
        expect(score.fit + score.engagement + score.qualification).toBe(score.total);
        expect(score.engagement).toBe(referenceEngagement(rules.engagement, input.behaviours));
        expect(score.grade).toBe(gradeOf(score.fit, score.engagement, rules.grades));
      }
    }
  });

  it('gives a reused scorer the same answers as a fresh one, in any order of leads and behaviours', () => {
    const rng = seeded(7);
    const rules = randomRules(rng);
    const inputs = Array.from({ length: 200 }, () => randomInput(rng));
    const fresh = inputs.map((input) => scoreLead(input, rules, now));
    const scorer = compileScoringRules(rules);
    const reversed = [...inputs]
      .reverse()
      .map((input) => scorer.score({ ...input, behaviours: [...input.behaviours].reverse() }, now))
      .reverse();
    expect(reversed.map((s) => [s.total, s.fit, s.engagement, s.grade])).toEqual(
      fresh.map((s) => [s.total, s.fit, s.engagement, s.grade]),
    );
  });
});
