import { describe, expect, it } from 'vitest';
import { defaultScoringRules } from './default-rules.js';
import { compileFitRules, type FitProfile, type RegionMatcher } from './fit.js';
import type { ExplanationLine, FitRules } from './scoring-rules.js';

const buildLead = (over: Partial<FitProfile> = {}): FitProfile => ({
  title: null,
  employees: null,
  industry: null,
  regionCode: null,
  ...over,
});

function fitOf(lead: FitProfile, rules: FitRules = defaultScoringRules().fit, regionMatches?: RegionMatcher) {
  const explanation: ExplanationLine[] = [];
  const fit = compileFitRules(rules, regionMatches)(lead, explanation);
  return { fit, explanation };
}

const linesOf = (lead: Partial<FitProfile>, rules?: FitRules) => fitOf(buildLead(lead), rules).explanation;

describe('fit: job title seniority', () => {
  it.each([
    ['董事长', '职位级别: C级高管 (c_level)', 25, 'c_level'],
    ['VP of Sales', '职位级别: 副总裁 (vp)', 20, 'vp'],
    ['IT总监', '职位级别: 总监 (director)', 15, 'director'],
    ['Senior Manager', '职位级别: 经理 (manager)', 10, 'manager'],
    ['销售总监助理', '职位级别: 员工 (staff)', 3, 'staff'],
    ['实习生', '职位级别: 实习生 (intern)', -5, 'intern'],
  ])('scores %j as %s, %i points', (title, rule, points, level) => {
    expect(linesOf({ title })).toEqual([{ rule, points, code: 'seniority', params: { level } }]);
  });

  it('gives no line for a missing or unreadable title (0 points)', () => {
    expect(linesOf({ title: null })).toEqual([]);
    expect(linesOf({ title: '张三' })).toEqual([]);
  });
});

describe('fit: company size bands', () => {
  it.each([
    [5000, '公司规模: ≥1000人', 20, 1000, null],
    [1000, '公司规模: ≥1000人', 20, 1000, null],
    [999, '公司规模: 200–999人', 15, 200, 999],
    [200, '公司规模: 200–999人', 15, 200, 999],
    [199, '公司规模: 50–199人', 10, 50, 199],
    [50, '公司规模: 50–199人', 10, 50, 199],
    [49, '公司规模: 20–49人', 5, 20, 49],
    [20, '公司规模: 20–49人', 5, 20, 49],
  ])('puts %i employees in %s (%i points)', (employees, rule, points, min, max) => {
    expect(linesOf({ employees })).toEqual([{ rule, points, code: 'employees', params: { min, max } }]);
  });

  it('gives small companies (<20, 0 points by default) and unknown sizes no line', () => {
    expect(linesOf({ employees: 19 })).toEqual([]);
    expect(linesOf({ employees: null })).toEqual([]);
  });

  it('reads bands in any order and scores an unknown size when asked to', () => {
    const rules = defaultScoringRules().fit;
    rules.employees = {
      bands: [
        { min: 0, points: -5 },
        { min: 100, points: 10 },
      ],
      unknown: -2,
    };
    expect(linesOf({ employees: 99 }, rules)).toEqual([
      { rule: '公司规模: <100人', points: -5, code: 'employees', params: { min: 0, max: 99 } },
    ]);
    expect(linesOf({ employees: 100 }, rules)).toEqual([
      { rule: '公司规模: ≥100人', points: 10, code: 'employees', params: { min: 100, max: null } },
    ]);
    expect(linesOf({ employees: null }, rules)).toEqual([
      { rule: '公司规模: 未知', points: -2, code: 'employees_unknown', params: {} },
    ]);
  });
});

describe('fit: target industries', () => {
  it('matches the free-text industry against each rule, first match wins', () => {
    expect(linesOf({ industry: '互联网' })).toEqual([
      { rule: '行业: 互联网', points: 10, code: 'industry', params: { industry: '互联网' } },
    ]);
    expect(linesOf({ industry: '软件和信息技术服务业' })).toEqual([
      { rule: '行业: 互联网', points: 10, code: 'industry', params: { industry: '互联网' } },
    ]);
    expect(linesOf({ industry: '计算机软件' })).toEqual([
      { rule: '行业: 企业服务', points: 10, code: 'industry', params: { industry: '企业服务' } },
    ]);
    expect(linesOf({ industry: '智能制造' })).toEqual([
      { rule: '行业: 制造业', points: 8, code: 'industry', params: { industry: '制造业' } },
    ]);
  });

  it('folds full-width letters and case, and matches Latin terms only as whole words', () => {
    expect(linesOf({ industry: 'ＳａａＳ' })).toEqual([
      { rule: '行业: 企业服务', points: 10, code: 'industry', params: { industry: '企业服务' } },
    ]);
    expect(linesOf({ industry: 'IT服务' })).toEqual([
      { rule: '行业: 互联网', points: 10, code: 'industry', params: { industry: '互联网' } },
    ]);
    expect(linesOf({ industry: 'Hospitality' })).toEqual([]);
  });

  it('gives no line to an industry outside the targets', () => {
    expect(linesOf({ industry: '房地产' })).toEqual([]);
  });
});

describe('fit: regions', () => {
  it('scores a city lead by its province rule', () => {
    expect(linesOf({ regionCode: '3301' })).toEqual([
      { rule: '地区: 浙江 (33)', points: 5, code: 'region', params: { region: '33', label: '浙江' } },
    ]);
    expect(linesOf({ regionCode: '31' })).toEqual([
      { rule: '地区: 上海 (31)', points: 5, code: 'region', params: { region: '31', label: '上海' } },
    ]);
    expect(linesOf({ regionCode: '5101' })).toEqual([]);
  });

  it('takes the first matching rule, so a city listed before its province wins', () => {
    const rules = defaultScoringRules().fit;
    rules.regions = [
      { region: '杭州', label: '杭州', points: 8 },
      { region: '33', points: 3 },
    ];
    expect(linesOf({ regionCode: '3301' }, rules)).toEqual([
      { rule: '地区: 杭州', points: 8, code: 'region', params: { region: '杭州', label: '杭州' } },
    ]);
    expect(linesOf({ regionCode: '3302' }, rules)).toEqual([
      { rule: '地区: 33', points: 3, code: 'region', params: { region: '33', label: null } },
    ]);
  });

  it('asks the region matcher it is given', () => {
    const asked: [string, string][] = [];
    const matcher: RegionMatcher = (code, wanted) => {
      asked.push([code, wanted]);
      return code === 'X' && wanted === '44';
    };
    expect(fitOf(buildLead({ regionCode: 'X' }), defaultScoringRules().fit, matcher).explanation).toEqual([
      { rule: '地区: 广东 (44)', points: 5, code: 'region', params: { region: '44', label: '广东' } },
    ]);
    expect(asked).toContainEqual(['X', '44']);
  });
});

describe('fit sub-total', () => {
  it('adds the dimensions that fired, in a fixed order', () => {
    expect(fitOf(buildLead({ title: '技术总监', employees: 500, industry: '互联网', regionCode: '3101' }))).toEqual({
      fit: 45,
      explanation: [
        { rule: '职位级别: 总监 (director)', points: 15, code: 'seniority', params: { level: 'director' } },
        { rule: '公司规模: 200–999人', points: 15, code: 'employees', params: { min: 200, max: 999 } },
        { rule: '行业: 互联网', points: 10, code: 'industry', params: { industry: '互联网' } },
        { rule: '地区: 上海 (31)', points: 5, code: 'region', params: { region: '31', label: '上海' } },
      ],
    });
  });

  it('reads the rules once: editing them after compiling changes nothing', () => {
    const rules = defaultScoringRules().fit;
    const scorer = compileFitRules(rules);
    rules.seniority.director = 99;
    rules.regions[0].region = '44';
    const out: ExplanationLine[] = [];
    expect(scorer(buildLead({ title: '总监', regionCode: '31' }), out)).toBe(20);
  });
});
