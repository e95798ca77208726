import { describe, expect, it } from 'vitest';
import { BANT } from './built-in-frameworks.js';
import { meetingFramework } from './test-frameworks.js';
import { validateFrameworkDefinition } from './validate-framework.js';

const custom = (over: Record<string, unknown> = {}) => ({
  id: 'MEET',
  name: { zh: '约见', en: 'Meeting' },
  criteria: [
    {
      key: 'agreedToMeet',
      label: { zh: '同意见面', en: 'Agreed to meet' },
      question: { zh: '对方是否同意与销售见面？', en: 'Did they agree to meet sales?' },
      answer: { type: 'yes_no_unknown' },
      points: 15,
    },
  ],
  ...over,
});

const criterion = (over: Record<string, unknown>) => ({
  key: 'x',
  question: '问题？',
  answer: { type: 'yes_no_unknown' },
  points: 1,
  ...over,
});

const fieldsOf = (input: unknown, options = {}) => {
  const r = validateFrameworkDefinition(input, options);
  return r.ok ? [] : r.errors.map((e) => e.field);
};

describe('validateFrameworkDefinition (custom frameworks, SPEC §4.1)', () => {
  it('accepts a framework with every answer type and fills the defaults', () => {
    expect(validateFrameworkDefinition({ ...meetingFramework, builtIn: undefined })).toEqual({
      ok: true,
      framework: meetingFramework,
    });
    const r = validateFrameworkDefinition(
      custom({
        criteria: [
          criterion({ key: 'notes', question: '备注', answer: { type: 'text' }, points: 0 }),
          criterion({ key: 'size', answer: { type: 'choice', options: [{ value: 'big' }] }, points: undefined }),
        ],
      }),
    );
    expect(r.ok && r.framework).toEqual({
      id: 'MEET',
      name: { zh: '约见', en: 'Meeting' },
      builtIn: false,
      order: 'as-listed',
      criteria: [
        {
          key: 'notes',
          label: { zh: 'notes', en: 'notes' },
          question: { zh: '备注', en: '备注' },
          answer: { type: 'text', maxLength: 500 },
          points: 0,
        },
        {
          key: 'size',
          label: { zh: 'size', en: 'size' },
          question: { zh: '问题？', en: '问题？' },
          answer: { type: 'choice', options: [{ value: 'big', label: { zh: 'big', en: 'big' } }] },
          points: 0,
        },
      ],
    });
  });

  it('fills a missing language from the other', () => {
    const r = validateFrameworkDefinition(custom({ name: { zh: '约见' } }));
    expect(r.ok && r.framework.name).toEqual({ zh: '约见', en: '约见' });
  });

  it('refuses ids that are not English ids, and the id of a built-in', () => {
    for (const id of ['', '1abc', '约见', 'has space', 'a'.repeat(33), 42]) {
      expect(fieldsOf(custom({ id })), String(id)).toEqual(['id']);
    }
    const r = validateFrameworkDefinition(custom({ id: 'bant' }));
    expect(!r.ok && r.errors[0].message).toMatch(/built-in framework/);
  });

  it('refuses repeated keys, naming the repeat', () => {
    const r = validateFrameworkDefinition(custom({ criteria: [criterion({ key: 'x' }), criterion({ key: 'x' })] }));
    expect(!r.ok && r.errors).toEqual([
      { field: 'criteria.1.key', message: 'repeats the key "x"', messageZh: '键“x”重复' },
    ]);
  });

  it('refuses a framework without criteria', () => {
    expect(fieldsOf(custom({ criteria: [] }))).toEqual(['criteria']);
    expect(fieldsOf(custom({ criteria: undefined }))).toEqual(['criteria']);
  });

  it('names each malformed criterion part', () => {
    expect(fieldsOf(custom({ criteria: [criterion({ key: 'bad key' })] }))).toEqual(['criteria.0.key']);
    expect(fieldsOf(custom({ criteria: [criterion({ question: { zh: ' ', en: '' } })] }))).toEqual([
      'criteria.0.question',
    ]);
    expect(fieldsOf(custom({ criteria: [criterion({ answer: { type: 'stars' } })] }))).toEqual([
      'criteria.0.answer.type',
    ]);
    expect(fieldsOf(custom({ criteria: [criterion({ points: '10' })] }))).toEqual(['criteria.0.points']);
    expect(fieldsOf(custom({ criteria: [criterion({ points: undefined })] }))).toEqual(['criteria.0.points']);
    expect(fieldsOf(custom({ criteria: [criterion({ points: Number.NaN })] }))).toEqual(['criteria.0.points']);
  });

  it('refuses a choice without options, repeated option values and option points that are not numbers', () => {
    const choice = (options: unknown) => custom({ criteria: [criterion({ answer: { type: 'choice', options } })] });
    expect(fieldsOf(choice([]))).toEqual(['criteria.0.answer.options']);
    expect(fieldsOf(choice([{ value: 'a' }, { value: 'a' }]))).toEqual(['criteria.0.answer.options.1.value']);
    expect(fieldsOf(choice([{ value: 'a', points: 'x' }]))).toEqual(['criteria.0.answer.options.0.points']);
    expect(fieldsOf(choice([{ value: '' }]))).toEqual(['criteria.0.answer.options.0.value']);
  });

  it('refuses number bounds that are not numbers or cross, and text lengths out of range', () => {
    const answer = (a: unknown) => custom({ criteria: [criterion({ answer: a })] });
    expect(fieldsOf(answer({ type: 'number', min: 10, max: 1 }))).toEqual(['criteria.0.answer.max']);
    expect(fieldsOf(answer({ type: 'number', min: '0' }))).toEqual(['criteria.0.answer.min']);
    expect(fieldsOf(answer({ type: 'text', maxLength: 0 }))).toEqual(['criteria.0.answer.maxLength']);
    expect(fieldsOf(answer({ type: 'text', maxLength: 2.5 }))).toEqual(['criteria.0.answer.maxLength']);
  });

  it('refuses unknown properties instead of ignoring a typo', () => {
    expect(fieldsOf(custom({ criteria: [criterion({ point: 5 })] }))).toEqual(['criteria.0.point']);
    expect(fieldsOf(custom({ colour: 'red' }))).toEqual(['colour']);
    expect(fieldsOf(custom({ criteria: [criterion({ answer: { type: 'yes_no_unknown', options: [] } })] }))).toEqual([
      'criteria.0.answer.options',
    ]);
  });

  it('does not let a request mark its framework built-in, or change the order rule', () => {
    expect(fieldsOf(custom({ builtIn: true }))).toEqual(['builtIn']);
    expect(fieldsOf(custom({ order: 'random' }))).toEqual(['order']);
  });

  it('refuses what is not an object', () => {
    expect(fieldsOf('BANT')).toEqual(['body']);
  });
});

describe('editing a built-in framework', () => {
  const edited = (criteria: unknown[]) => ({ ...BANT, criteria });

  it('may reword questions, change points and add criteria', () => {
    const criteria = [
      ...BANT.criteria.map((c) => ({ ...c, points: 5 })),
      criterion({ key: 'agreedToMeet', question: '是否同意见面？' }),
    ];
    const r = validateFrameworkDefinition(edited(criteria), { replacing: BANT });
    expect(r.ok && r.framework.builtIn).toBe(true);
    expect(r.ok && r.framework.criteria.map((c) => c.key)).toEqual([
      'budget',
      'authority',
      'need',
      'timing',
      'agreedToMeet',
    ]);
  });

  it('must keep every built-in key with its answer type, which the API and definitions rely on', () => {
    const r = validateFrameworkDefinition(edited(BANT.criteria.slice(0, 3)), { replacing: BANT });
    expect(!r.ok && r.errors).toEqual([
      { field: 'criteria', message: 'must keep the built-in key "timing"', messageZh: '须保留内置键“timing”' },
    ]);
    const retyped = BANT.criteria.map((c) => (c.key === 'need' ? { ...c, answer: { type: 'text' } } : c));
    const r2 = validateFrameworkDefinition(edited(retyped), { replacing: BANT });
    expect(!r2.ok && r2.errors[0].message).toBe('the built-in key "need" must keep its answer type yes_no_unknown');
  });

  it('must keep its id', () => {
    expect(fieldsOf({ ...BANT, id: 'BANT2' }, { replacing: BANT })).toEqual(['id']);
  });
});
