import { describe, expect, it } from 'vitest';
import { builtInFrameworks } from '../qualification/built-in-frameworks.js';
import { meetingFramework } from '../qualification/test-frameworks.js';
import { validateDefinitionBody } from './validate-definition-body.js';

const frameworks = [...builtInFrameworks, meetingFramework];
const body = (...criteria: unknown[]) => ({ kind: 'mql', criteria });
const errorsOf = (input: unknown) => {
  const r = validateDefinitionBody(input, frameworks);
  return r.ok ? [] : r.errors;
};
const fieldsOf = (input: unknown) => errorsOf(input).map((e) => e.field);

describe('validateDefinitionBody (proposals, SPEC §4.2)', () => {
  it('accepts the stricter MQL variant with a custom criterion, and a score and field requirement', () => {
    const input = body(
      { kind: 'answer', framework: 'BANT', key: 'budget', oneOf: ['yes'] },
      { kind: 'answer', framework: 'MEET', key: 'agreedToMeet', oneOf: ['yes'] },
      { kind: 'answer', framework: 'MEET', key: 'budgetAmount', min: 10 },
      { kind: 'minScore', min: 60 },
      { kind: 'field', field: 'fields.项目立项' },
      { kind: 'contact', require: 'phone' },
    );
    expect(validateDefinitionBody(input, frameworks)).toEqual({ ok: true, body: input });
  });

  it('refuses an unknown framework or criterion key, listing what exists', () => {
    expect(errorsOf(body({ kind: 'answer', framework: 'SPIN', key: 'x', oneOf: ['yes'] }))).toEqual([
      {
        field: 'criteria.0.framework',
        message: 'must be one of the frameworks: "BANT", "CHAMP", "MEDDIC", "MEET"',
        messageZh: '须为以下资格框架之一：BANT、CHAMP、MEDDIC、MEET',
      },
    ]);
    expect(errorsOf(body({ kind: 'answer', framework: 'BANT', key: 'money', oneOf: ['yes'] }))).toEqual([
      {
        field: 'criteria.0.key',
        message: 'must be a criterion of BANT: "budget", "authority", "need", "timing"',
        messageZh: '须为 BANT 中的一项标准：budget、authority、need、timing',
      },
    ]);
  });

  it('refuses accepted values the criterion cannot take', () => {
    expect(errorsOf(body({ kind: 'answer', framework: 'BANT', key: 'timing', oneOf: ['是'] }))).toEqual([
      {
        field: 'criteria.0.oneOf.0',
        message: 'must be "yes", "no" or "unknown"',
        messageZh: '须为 yes、no、unknown 之一',
      },
    ]);
    expect(fieldsOf(body({ kind: 'answer', framework: 'MEET', key: 'stage', oneOf: ['approved', 'soon'] }))).toEqual([
      'criteria.0.oneOf.1',
    ]);
    expect(fieldsOf(body({ kind: 'answer', framework: 'BANT', key: 'timing', oneOf: [] }))).toEqual([
      'criteria.0.oneOf',
    ]);
    expect(fieldsOf(body({ kind: 'answer', framework: 'BANT', key: 'timing', oneOf: [null] }))).toEqual([
      'criteria.0.oneOf.0',
    ]);
  });

  it('allows number bounds only on number answers, and not together with oneOf', () => {
    expect(errorsOf(body({ kind: 'answer', framework: 'BANT', key: 'budget', min: 1 }))).toEqual([
      {
        field: 'criteria.0.min',
        message: 'applies only to number answers; budget is yes_no_unknown',
        messageZh: '只适用于数字型答案；budget 的答案类型是 yes_no_unknown',
      },
    ]);
    expect(fieldsOf(body({ kind: 'answer', framework: 'MEET', key: 'budgetAmount', min: 10, max: 5 }))).toEqual([
      'criteria.0.max',
    ]);
    expect(fieldsOf(body({ kind: 'answer', framework: 'MEET', key: 'budgetAmount', min: 1, oneOf: [5] }))).toEqual([
      'criteria.0',
    ]);
  });

  it('refuses a typo instead of silently loosening the gate', () => {
    expect(errorsOf(body({ kind: 'answer', framework: 'BANT', key: 'timing', oneof: ['yes'] }))).toEqual([
      { field: 'criteria.0.oneof', message: 'is not a known property', messageZh: '不是已知属性' },
    ]);
    expect(fieldsOf({ kind: 'mql', criteria: [{ kind: 'minScore', min: 1 }], minscore: 60 })).toEqual(['minscore']);
  });

  it('refuses the same criterion twice', () => {
    expect(errorsOf(body({ kind: 'minScore', min: 1 }, { kind: 'minScore', min: 2 }))).toEqual([
      { field: 'criteria.1', message: 'repeats the criterion score', messageZh: '标准 score 重复' },
    ]);
  });

  it('names malformed criteria of every kind', () => {
    expect(fieldsOf(body({ kind: 'stars' }))).toEqual(['criteria.0.kind']);
    expect(fieldsOf(body({ kind: 'minScore', min: '60' }))).toEqual(['criteria.0.min']);
    expect(fieldsOf(body({ kind: 'contact', require: 'none' }))).toEqual(['criteria.0.require']);
    expect(fieldsOf(body({ kind: 'field', field: 'wechat' }))).toEqual(['criteria.0.field']);
    expect(fieldsOf(body({ kind: 'status', notIn: ['deleted'] }))).toEqual(['criteria.0.notIn']);
    expect(fieldsOf(body({ kind: 'milestone', milestone: 'won' }))).toEqual(['criteria.0.milestone']);
    expect(fieldsOf(body('x'))).toEqual(['criteria.0']);
  });

  it('needs a known kind and at least one criterion', () => {
    expect(fieldsOf({ kind: 'customer', criteria: [] })).toEqual(['kind', 'criteria']);
    expect(fieldsOf(null)).toEqual(['body']);
  });
});
