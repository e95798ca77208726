/**
 * Checks scoring rules an admin submits (SPEC §4.3 "admins edit"), naming every bad field so
 * the form can show each one (§11: a clear 4xx naming the field). Returns a clean copy holding
 * only the known fields.
 *
 * Points are whole numbers within ±1000: explanation lines stay exact (score-lead.ts), and a
 * typo of 10000 cannot swamp every other rule. Grade thresholds must not rise from A to C or
 * from 1 to 3, or some grades could never be given.
 */
import type { FieldError } from '../errors.js';
import { normaliseRegion, regionByCode } from '../normalise/region.js';
import { SENIORITY_LEVELS } from '../seniority/seniority-level.js';
import type {
  BehaviourRule,
  EmployeeBand,
  GradeThresholds,
  IndustryRule,
  RegionRule,
  ScoringRules,
} from './scoring-rules.js';

export type ScoringRulesValidation = { ok: true; rules: ScoringRules } | { ok: false; errors: FieldError[] };

const MAX_POINTS = 1000;
const MAX_TEXT = 50;
const MAX_LIST = 200;
const MAX_HALF_LIFE_DAYS = 3650;
const MAX_CAP_DAYS = 365;
const BEHAVIOUR_TYPE = /^[a-z][a-z0-9_]{0,63}$/;

type Obj = Record<string, unknown>;

class Check {
  readonly errors: FieldError[] = [];

  fail(field: string, message: string, messageZh: string): undefined {
    this.errors.push({ field, message, messageZh });
    return undefined;
  }

  required(field: string): undefined {
    return this.fail(field, 'is required', '必填');
  }

  /** An object with only the given keys (any keys when null); reports the others. */
  object(value: unknown, field: string, keys: readonly string[] | null): Obj | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return value === undefined
        ? this.required(field || '(body)')
        : this.fail(field || '(body)', 'must be an object', '须为对象');
    }
    for (const key of Object.keys(value)) {
      if (keys && !keys.includes(key)) this.fail(join(field, key), 'is not a known field', '不是已知字段');
    }
    return value as Obj;
  }

  array(value: unknown, field: string, min: number, max = MAX_LIST): unknown[] | undefined {
    if (!Array.isArray(value))
      return value === undefined ? this.required(field) : this.fail(field, 'must be a list', '须为列表');
    if (value.length < min) {
      return this.fail(field, `needs at least ${min} ${min === 1 ? 'entry' : 'entries'}`, `至少要有 ${min} 项`);
    }
    if (value.length > max) return this.fail(field, `may hold at most ${max} entries`, `最多 ${max} 项`);
    return value;
  }

  /** A whole number (points, days) within [min, max]. */
  points(value: unknown, field: string, min = -MAX_POINTS, max = MAX_POINTS): number | undefined {
    if (value === undefined) return this.required(field);
    if (typeof value !== 'number' || !Number.isInteger(value))
      return this.fail(field, 'must be a whole number', '须为整数');
    if (value < min || value > max) {
      return this.fail(field, `must be between ${min} and ${max}`, `须在 ${min} 到 ${max} 之间`);
    }
    return value;
  }

  number(value: unknown, field: string, { above, max }: { above: number; max: number }): number | undefined {
    if (value === undefined) return this.required(field);
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.fail(field, 'must be a number', '须为数字');
    if (value <= above || value > max) {
      return this.fail(field, `must be above ${above} and at most ${max}`, `须大于 ${above} 且不超过 ${max}`);
    }
    return value;
  }

  text(value: unknown, field: string): string | undefined {
    if (value === undefined) return this.required(field);
    if (typeof value !== 'string' || value.trim() === '')
      return this.fail(field, 'must be a non-empty text', '须为非空文本');
    if (value.trim().length > MAX_TEXT) {
      return this.fail(field, `may be at most ${MAX_TEXT} characters`, `最多 ${MAX_TEXT} 个字符`);
    }
    return value.trim();
  }
}

const join = (field: string, key: string | number) =>
  typeof key === 'number' ? `${field}[${key}]` : field ? `${field}.${key}` : key;

function seniority(check: Check, value: unknown, field: string): ScoringRules['fit']['seniority'] | undefined {
  const obj = check.object(value, field, SENIORITY_LEVELS);
  if (!obj) return undefined;
  const out: Partial<ScoringRules['fit']['seniority']> = {};
  for (const level of SENIORITY_LEVELS) out[level] = check.points(obj[level], join(field, level));
  return out as ScoringRules['fit']['seniority'];
}

function bands(check: Check, value: unknown, field: string): EmployeeBand[] {
  const seen = new Set<number>();
  return (check.array(value, field, 1, 20) ?? []).map((item, i) => {
    const at = join(field, i);
    const obj = check.object(item, at, ['min', 'points']);
    const min = check.points(obj?.min, join(at, 'min'), 0);
    if (min !== undefined && seen.has(min)) {
      check.fail(join(at, 'min'), `repeats the band starting at ${min}`, `从 ${min} 开始的区间重复`);
    }
    if (min !== undefined) seen.add(min);
    return { min: min ?? 0, points: check.points(obj?.points, join(at, 'points')) ?? 0 };
  });
}

function industries(check: Check, value: unknown, field: string): IndustryRule[] {
  return (check.array(value, field, 0) ?? []).map((item, i) => {
    const at = join(field, i);
    const obj = check.object(item, at, ['industry', 'match', 'points']);
    const match = (check.array(obj?.match, join(at, 'match'), 1, 50) ?? []).map(
      (term, j) => check.text(term, join(join(at, 'match'), j)) ?? '',
    );
    return {
      industry: check.text(obj?.industry, join(at, 'industry')) ?? '',
      match,
      points: check.points(obj?.points, join(at, 'points')) ?? 0,
    };
  });
}

function regions(check: Check, value: unknown, field: string): RegionRule[] {
  return (check.array(value, field, 0) ?? []).map((item, i) => {
    const at = join(field, i);
    const obj = check.object(item, at, ['region', 'label', 'points']);
    const region = check.text(obj?.region, join(at, 'region'));
    if (region !== undefined && !regionByCode(region) && !normaliseRegion(region)) {
      check.fail(
        join(at, 'region'),
        `"${region}" is not a province or city code or name LeadLoop knows`,
        `“${region}”不是 LeadLoop 认识的省份或城市代码或名称`,
      );
    }
    const label = obj?.label === undefined ? undefined : check.text(obj.label, join(at, 'label'));
    return {
      region: region ?? '',
      ...(label !== undefined ? { label } : {}),
      points: check.points(obj?.points, join(at, 'points')) ?? 0,
    };
  });
}

function behaviours(check: Check, value: unknown, field: string): Record<string, BehaviourRule> {
  const out: Record<string, BehaviourRule> = {};
  const obj = check.object(value, field, null);
  if (!obj) return out;
  if (Object.keys(obj).length > 100) check.fail(field, 'may hold at most 100 behaviour types', '最多 100 种行为类型');
  for (const [type, item] of Object.entries(obj)) {
    const at = join(field, type);
    if (!BEHAVIOUR_TYPE.test(type)) {
      check.fail(
        at,
        'a behaviour type is lower-case letters, digits and _, starting with a letter',
        '行为类型只能由小写字母、数字和 _ 组成，并以字母开头',
      );
      continue;
    }
    const rule = check.object(item, at, ['label', 'points', 'cap']);
    const points = check.points(rule?.points, join(at, 'points'));
    const label = rule?.label === undefined ? undefined : check.text(rule.label, join(at, 'label'));
    let cap: BehaviourRule['cap'] = null;
    if (rule?.cap !== undefined && rule.cap !== null) {
      const capAt = join(at, 'cap');
      const capObj = check.object(rule.cap, capAt, ['points', 'days']);
      const capPoints = check.points(capObj?.points, join(capAt, 'points'), 1);
      const days = check.points(capObj?.days, join(capAt, 'days'), 1, MAX_CAP_DAYS);
      if (points !== undefined && points <= 0) {
        check.fail(capAt, 'a cap limits positive points; this type gives none', '上限只限制正分；这种行为不加分');
      }
      cap = { points: capPoints ?? 1, days: days ?? 1 };
    }
    out[type] = { ...(label !== undefined ? { label } : {}), points: points ?? 0, cap };
  }
  return out;
}

function descending<K extends string>(
  check: Check,
  value: unknown,
  field: string,
  keys: readonly K[],
): Record<K, number> | undefined {
  const obj = check.object(value, field, keys);
  if (!obj) return undefined;
  const out = {} as Record<K, number>;
  keys.forEach((key, i) => {
    const points = check.points(obj[key], join(field, key));
    const above = i > 0 ? out[keys[i - 1]] : undefined;
    if (points !== undefined && above !== undefined && points > above) {
      check.fail(
        join(field, key),
        `must not be above ${keys[i - 1]} (${above})`,
        `不能高于 ${keys[i - 1]}（${above}）`,
      );
    }
    if (points !== undefined) out[key] = points;
  });
  return out;
}

export function validateScoringRules(input: unknown): ScoringRulesValidation {
  const check = new Check();
  const root = check.object(input, '', ['fit', 'engagement', 'grades']);
  if (!root) return { ok: false, errors: check.errors };
  // A missing section is one error, not one per field inside it.
  const fit = check.object(root.fit, 'fit', ['seniority', 'employees', 'industries', 'regions']);
  const employees = fit && check.object(fit.employees, 'fit.employees', ['bands', 'unknown']);
  const engagement = check.object(root.engagement, 'engagement', ['halfLifeDays', 'behaviours']);
  const grades = check.object(root.grades, 'grades', ['fit', 'engagement']);

  const rules: ScoringRules = {
    fit: {
      seniority: (fit && seniority(check, fit.seniority, 'fit.seniority')) ?? ({} as ScoringRules['fit']['seniority']),
      employees: {
        bands: employees ? bands(check, employees.bands, 'fit.employees.bands') : [],
        unknown: (employees && check.points(employees.unknown, 'fit.employees.unknown')) ?? 0,
      },
      industries: fit ? industries(check, fit.industries, 'fit.industries') : [],
      regions: fit ? regions(check, fit.regions, 'fit.regions') : [],
    },
    engagement: {
      halfLifeDays:
        !engagement || engagement.halfLifeDays === null
          ? null
          : (check.number(engagement.halfLifeDays, 'engagement.halfLifeDays', { above: 0, max: MAX_HALF_LIFE_DAYS }) ??
            null),
      behaviours: engagement ? behaviours(check, engagement.behaviours, 'engagement.behaviours') : {},
    },
    grades: {
      fit: (grades && descending(check, grades.fit, 'grades.fit', ['A', 'B', 'C'])) ?? { A: 0, B: 0, C: 0 },
      engagement: ((grades && descending(check, grades.engagement, 'grades.engagement', ['1', '2', '3'])) ?? {
        1: 0,
        2: 0,
        3: 0,
      }) as GradeThresholds['engagement'],
    },
  };
  return check.errors.length > 0 ? { ok: false, errors: check.errors } : { ok: true, rules };
}
