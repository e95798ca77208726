import { describe, expect, it } from 'vitest';
import { describeCondition, validateRoutingRules } from './validate-routing-rules.js';

const fieldsOf = (input: unknown) => {
  const result = validateRoutingRules(input);
  return result.ok ? [] : result.errors.map((e) => e.field);
};

describe('validateRoutingRules', () => {
  it('fills ids and descriptions and keeps a catch-all', () => {
    const result = validateRoutingRules([
      { condition: { field: 'score', op: 'lt', value: 10 }, path: 'pool' },
      { id: 'rest', condition: null, path: 'sdr_queue', description: ' 其余 ' },
    ]);
    expect(result).toEqual({
      ok: true,
      rules: [
        { id: 'rule-1', description: 'score lt 10', condition: { field: 'score', op: 'lt', value: 10 }, path: 'pool' },
        { id: 'rest', description: '其余', condition: null, path: 'sdr_queue' },
      ],
    });
  });

  it('names the bad field of each rule', () => {
    expect(fieldsOf('x')).toEqual(['rules']);
    expect(
      fieldsOf([
        { condition: { field: 'score', op: 'lt', value: 10 }, path: 'pool' },
        { condition: { field: 'score', op: 'lt', value: 10 }, path: 'nowhere' },
        { condition: { field: 'channel', op: 'between', value: 1 }, path: 'pool' },
        { condition: { field: 'colour', op: 'eq', value: 'red' }, path: 'pool' },
        { condition: { all: [{ field: 'channel', op: 'lt', value: 3 }] }, path: 'pool' },
        { condition: { field: 'score', op: 'prefix', value: 'x' }, path: 'pool' },
        { condition: { field: 'channelPath', op: 'eq', value: 'direct' }, path: 'pool' },
        { condition: { field: 'status', op: 'in', value: ['new', 'junk'] }, path: 'pool' },
        { condition: { field: 'score', op: 'eq', value: 'high' }, path: 'pool' },
        { path: 'pool' },
        { id: 'Bad Id', condition: null, path: 'pool', extra: 1 },
      ]),
    ).toEqual([
      'rules[1].path',
      'rules[2].condition.op',
      'rules[3].condition.field',
      'rules[4].condition.all[0].op',
      'rules[5].condition.op',
      'rules[6].condition.value',
      'rules[7].condition.value',
      'rules[8].condition.value',
      'rules[9].condition',
      'rules[10].extra',
      'rules[10].id',
    ]);
  });

  it('refuses a rule after a catch-all, duplicate ids and empty combinators', () => {
    expect(
      fieldsOf([
        { id: 'a', condition: null, path: 'sdr_queue' },
        { id: 'a', condition: { field: 'score', op: 'lt', value: 10 }, path: 'pool' },
      ]),
    ).toEqual(['rules[1]', 'rules[1].id']);
    expect(fieldsOf([{ condition: { any: [] }, path: 'pool' }])).toEqual(['rules[0].condition.any']);
    expect(fieldsOf([{ condition: { not: { field: 'grade', op: 'in', value: [] } }, path: 'pool' }])).toEqual([
      'rules[0].condition.not.value',
    ]);
  });

  it('accepts custom attributes, flags with prefixes and nested conditions', () => {
    const result = validateRoutingRules([
      {
        condition: {
          any: [
            { field: 'flags', op: 'prefix', value: ['JUNK:', 'ICP:'] },
            { not: { field: 'fields.客户等级', op: 'in', value: ['KA', 'SKA'] } },
          ],
        },
        path: 'sdr_queue',
      },
    ]);
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.rules[0].description).toBe('any(flags prefix [JUNK:, ICP:]; not(fields.客户等级 in [KA, SKA]))');
  });

  it('refuses a list too long and a rule that is not an object, saying how a rule looks', () => {
    const rule = { condition: null, path: 'pool' };
    expect(
      fieldsOf(
        Array.from({ length: 101 }, (_, i) => ({
          ...rule,
          id: `r${i}`,
          condition: i ? rule.condition : { field: 'score', op: 'lt', value: 1 },
        })),
      ),
    ).toContain('rules');
    const result = validateRoutingRules(['pool']);
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: 'rules[0]',
          message: 'must be an object: {id?, description?, condition, path}',
          messageZh: '须为对象：{id?, description?, condition, path}',
        },
      ],
    });
  });

  it('describes a catch-all', () => {
    expect(describeCondition(null)).toBe('每条线索 (every lead)');
  });
});
