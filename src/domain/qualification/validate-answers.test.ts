import { describe, expect, it } from 'vitest';
import { BANT } from './built-in-frameworks.js';
import { meetingFramework } from './test-frameworks.js';
import { validateAnswers } from './validate-answers.js';

describe('validateAnswers (SPEC §4.1)', () => {
  it('accepts partial answers and returns them in the order of the framework', () => {
    const r = validateAnswers(BANT, { timing: 'unknown', budget: 'yes' });
    expect(r).toEqual({ ok: true, answers: { budget: 'yes', timing: 'unknown' } });
    expect(r.ok && Object.keys(r.answers)).toEqual(['budget', 'timing']);
  });

  it('refuses a key that is not a criterion, naming answers.<key> and the keys it has', () => {
    const r = validateAnswers(BANT, { budget: 'yes', money: 'yes' });
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          field: 'answers.money',
          message: 'is not a question of BANT (its keys: budget, authority, need, timing)',
          messageZh: '不是 BANT 的问题（其键为：budget、authority、need、timing）',
        },
      ],
    });
  });

  it('refuses anything but "yes", "no" or "unknown" for a yes/no criterion, saying what is allowed', () => {
    for (const bad of ['Yes', '是', true, 1, '']) {
      const r = validateAnswers(BANT, { need: bad });
      expect(r, String(bad)).toEqual({
        ok: false,
        errors: [
          {
            field: 'answers.need',
            message: 'must be "yes", "no" or "unknown"',
            messageZh: '须为 yes、no、unknown 之一',
          },
        ],
      });
    }
  });

  it('names every bad answer at once', () => {
    const r = validateAnswers(BANT, { budget: 'maybe', timing: 'soon', foo: 'yes' });
    expect(!r.ok && r.errors.map((e) => e.field)).toEqual(['answers.foo', 'answers.budget', 'answers.timing']);
  });

  it('treats null as clearing an answer (not answered)', () => {
    expect(validateAnswers(BANT, { budget: null, need: 'no' })).toEqual({ ok: true, answers: { need: 'no' } });
  });

  it('checks choice, number and text answers against the criterion', () => {
    expect(
      validateAnswers(meetingFramework, {
        stage: 'approved',
        budgetAmount: 50,
        painNotes: '  报表太慢 ',
        agreedToMeet: 'no',
      }),
    ).toEqual({
      ok: true,
      answers: { agreedToMeet: 'no', stage: 'approved', budgetAmount: 50, painNotes: '报表太慢' },
    });

    const r = validateAnswers(meetingFramework, {
      stage: '已立项',
      budgetAmount: 20000,
      painNotes: '这段描述超过了十个字符的长度',
    });
    expect(!r.ok && r.errors).toEqual([
      {
        field: 'answers.stage',
        message: 'must be one of "approved", "researching" or "none"',
        messageZh: '须为 approved、researching、none 之一',
      },
      {
        field: 'answers.budgetAmount',
        message: 'must be a number from 0 to 10000',
        messageZh: '须为数字，在 0 到 10000 之间',
      },
      {
        field: 'answers.painNotes',
        message: 'must be text of at most 10 characters',
        messageZh: '须为最多 10 个字符的文本',
      },
    ]);
  });

  it('refuses a number sent as text and a non-finite number', () => {
    for (const bad of ['50', Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(validateAnswers(meetingFramework, { budgetAmount: bad }).ok, String(bad)).toBe(false);
    }
  });

  it('treats blank text as not answered', () => {
    expect(validateAnswers(meetingFramework, { painNotes: '   ' })).toEqual({ ok: true, answers: {} });
  });

  it('refuses answers that are not an object', () => {
    for (const bad of [null, ['yes'], 'yes']) {
      expect(validateAnswers(BANT, bad)).toEqual({
        ok: false,
        errors: [
          {
            field: 'answers',
            message: 'must be an object of answers by criterion key',
            messageZh: '须为按标准键给出答案的对象',
          },
        ],
      });
    }
  });
});
