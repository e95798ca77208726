import { describe, expect, it } from 'vitest';
import { defaultScoringRules } from './default-rules.js';
import { validateScoringRules } from './validate-rules.js';

type Json = any;

/** The default rules as an admin form would send them back, with one edit. */
function edited(edit: (rules: Json) => void): unknown {
  const rules: Json = JSON.parse(JSON.stringify(defaultScoringRules()));
  edit(rules);
  return rules;
}

function errorsOf(input: unknown) {
  const result = validateScoringRules(input);
  return result.ok ? [] : result.errors;
}

describe('validateScoringRules (admin edits)', () => {
  it('accepts the shipped defaults, also after a JSON round trip, and returns an equal copy', () => {
    const result = validateScoringRules(edited(() => {}));
    expect(result).toEqual({ ok: true, rules: defaultScoringRules() });
  });

  it('accepts no decay (half-life null), no caps and empty industry and region lists', () => {
    const input = edited((r) => {
      r.engagement.halfLifeDays = null;
      r.engagement.behaviours.page_view.cap = null;
      delete r.engagement.behaviours.download.cap;
      r.fit.industries = [];
      r.fit.regions = [];
    });
    expect(validateScoringRules(input).ok).toBe(true);
  });

  it('accepts a region by name as well as by code, and a custom behaviour type', () => {
    const input = edited((r) => {
      r.fit.regions = [{ region: '杭州', points: 8 }];
      r.engagement.behaviours.webinar_replay = { points: 4, cap: { points: 8, days: 7 } };
    });
    expect(validateScoringRules(input).ok).toBe(true);
  });

  it('refuses what is not an object, naming the body', () => {
    expect(errorsOf('rules')).toEqual([{ field: '(body)', message: 'must be an object', messageZh: '须为对象' }]);
  });

  it('reports a missing section once, not once per field inside it', () => {
    expect(errorsOf(edited((r) => delete r.grades))).toEqual([
      { field: 'grades', message: 'is required', messageZh: '必填' },
    ]);
  });

  it('names every bad field', () => {
    const input = edited((r) => {
      r.fit.seniority.director = 7.5;
      delete r.fit.seniority.intern;
      r.fit.seniority.boss = 30;
      r.fit.employees.bands[1].min = 1000;
      r.fit.industries[0].match = [];
      r.fit.regions[0].region = '火星';
      r.engagement.halfLifeDays = 0;
      r.engagement.behaviours['Page View'] = { points: 1 };
      r.engagement.behaviours.unsubscribe = { points: -10, cap: { points: 10, days: 7 } };
      r.engagement.behaviours.chat.cap.days = 0;
      r.engagement.behaviours.download.points = 5000;
      r.grades.fit.B = 50;
      r.grades.engagement['2'] = 45;
    });
    expect(errorsOf(input)).toEqual([
      { field: 'fit.seniority.boss', message: 'is not a known field', messageZh: '不是已知字段' },
      { field: 'fit.seniority.director', message: 'must be a whole number', messageZh: '须为整数' },
      { field: 'fit.seniority.intern', message: 'is required', messageZh: '必填' },
      {
        field: 'fit.employees.bands[1].min',
        message: 'repeats the band starting at 1000',
        messageZh: '从 1000 开始的区间重复',
      },
      { field: 'fit.industries[0].match', message: 'needs at least 1 entry', messageZh: '至少要有 1 项' },
      {
        field: 'fit.regions[0].region',
        message: '"火星" is not a province or city code or name LeadLoop knows',
        messageZh: '“火星”不是 LeadLoop 认识的省份或城市代码或名称',
      },
      {
        field: 'engagement.halfLifeDays',
        message: 'must be above 0 and at most 3650',
        messageZh: '须大于 0 且不超过 3650',
      },
      {
        field: 'engagement.behaviours.download.points',
        message: 'must be between -1000 and 1000',
        messageZh: '须在 -1000 到 1000 之间',
      },
      {
        field: 'engagement.behaviours.chat.cap.days',
        message: 'must be between 1 and 365',
        messageZh: '须在 1 到 365 之间',
      },
      {
        field: 'engagement.behaviours.Page View',
        message: 'a behaviour type is lower-case letters, digits and _, starting with a letter',
        messageZh: '行为类型只能由小写字母、数字和 _ 组成，并以字母开头',
      },
      {
        field: 'engagement.behaviours.unsubscribe.cap',
        message: 'a cap limits positive points; this type gives none',
        messageZh: '上限只限制正分；这种行为不加分',
      },
      { field: 'grades.fit.B', message: 'must not be above A (45)', messageZh: '不能高于 A（45）' },
      { field: 'grades.engagement.2', message: 'must not be above 1 (40)', messageZh: '不能高于 1（40）' },
    ]);
  });

  it('refuses cap periods longer than a year and texts that are blank or too long', () => {
    const input = edited((r) => {
      r.engagement.behaviours.chat.cap.days = 400;
      r.engagement.behaviours.chat.label = ' ';
      r.fit.industries[0].industry = '很'.repeat(51);
    });
    expect(errorsOf(input)).toEqual([
      { field: 'fit.industries[0].industry', message: 'may be at most 50 characters', messageZh: '最多 50 个字符' },
      { field: 'engagement.behaviours.chat.label', message: 'must be a non-empty text', messageZh: '须为非空文本' },
      {
        field: 'engagement.behaviours.chat.cap.days',
        message: 'must be between 1 and 365',
        messageZh: '须在 1 到 365 之间',
      },
    ]);
  });
});
