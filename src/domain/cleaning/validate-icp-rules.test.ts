import { describe, expect, it } from 'vitest';
import { defaultIcpRules } from './icp-rules.js';
import { defaultDisqualifyReasons } from './reasons.js';
import { validateIcpRules } from './validate-icp-rules.js';

const active = new Set(defaultDisqualifyReasons.map((r) => r.code));
const ids = () => 'abcdef12-3456';
const fields = (input: unknown) => {
  const r = validateIcpRules(input, active, ids);
  return r.ok ? [] : r.errors.map((e) => e.field);
};

describe('validating ICP rules', () => {
  it('accepts the shipped defaults as they are', () => {
    expect(validateIcpRules(defaultIcpRules, active, ids)).toEqual({ ok: true, rules: defaultIcpRules });
  });

  it('fills in reason, enabled, flag and id', () => {
    const r = validateIcpRules(
      [
        { description: ' small ', condition: { field: 'employees', op: 'lt', value: 20 }, action: 'flag' },
        {
          id: 'soe',
          description: 'soe',
          condition: { field: 'fields.企业类型', op: 'in', value: ['国有企业'] },
          action: 'disqualify',
          flag: 'SOE',
        },
      ],
      active,
      ids,
    );
    expect(r).toEqual({
      ok: true,
      rules: [
        {
          id: 'rule-abcdef12',
          description: 'small',
          condition: { field: 'employees', op: 'lt', value: 20 },
          action: 'flag',
          reason: 'outside_icp',
          flag: 'ICP:employees<20',
          enabled: true,
        },
        expect.objectContaining({ id: 'soe', flag: 'ICP:SOE', reason: 'outside_icp' }),
      ],
    });
  });

  it('refuses a rule that is not an object, and an id taken by an earlier rule, generated or given', () => {
    const good = { description: 'x', condition: { field: 'employees', op: 'lt', value: 20 }, action: 'flag' };
    expect(validateIcpRules([good, 7], active, ids)).toEqual({
      ok: false,
      errors: [{ field: 'rules[1]', message: 'must be an object', messageZh: '须为对象' }],
    });
    expect(fields([good, { ...good, id: 'rule-abcdef12' }])).toEqual(['rules[1].id']);
    expect(
      fields([
        { ...good, id: 'same' },
        { ...good, id: 'same' },
      ]),
    ).toEqual(['rules[1].id']);
  });

  it('names the bad rule and field', () => {
    const good = { description: 'x', condition: { field: 'employees', op: 'lt', value: 20 }, action: 'flag' };
    expect(fields([good, { ...good, action: 'delete' }])).toEqual(['rules[1].action']);
    expect(fields([{ ...good, reason: 'no_such_reason' }])).toEqual(['rules[0].reason']);
    expect(fields([{ ...good, condition: { field: 'employes', op: 'lt', value: 20 } }])).toEqual([
      'rules[0].condition.field',
    ]);
    expect(fields([{ ...good, condition: { field: 'employees', op: 'lt', value: '20' } }])).toEqual([
      'rules[0].condition.value',
    ]);
    expect(fields([{ ...good, condition: { field: 'name', op: 'gt', value: 3 } }])).toEqual(['rules[0].condition.op']);
    expect(fields([{ ...good, condition: { field: 'employees', op: 'contains', value: '2' } }])).toEqual([
      'rules[0].condition.op',
    ]);
    expect(fields([{ ...good, condition: { field: 'company', op: 'in', value: [] } }])).toEqual([
      'rules[0].condition.value',
    ]);
    expect(fields([{ ...good, condition: { any: [good.condition, { field: 'x', op: 'eq', value: 1 }] } }])).toEqual([
      'rules[0].condition.any[1].field',
    ]);
    expect(fields([{ ...good, condition: { all: [] } }])).toEqual(['rules[0].condition.all']);
    expect(
      fields([
        { ...good, id: 'a' },
        { ...good, id: 'a' },
      ]),
    ).toEqual(['rules[1].id']);
    expect(fields([{ ...good, extra: 1, description: '' }])).toEqual(['rules[0].extra', 'rules[0].description']);
    expect(fields({})).toEqual(['rules']);
  });

  it('refuses conditions nested too deep', () => {
    let c: unknown = { field: 'employees', op: 'lt', value: 20 };
    for (let i = 0; i < 6; i++) c = { not: c };
    expect(fields([{ description: 'deep', condition: c, action: 'flag' }])[0]).toMatch(
      /^rules\[0\]\.condition(\.not)+$/,
    );
  });
});
