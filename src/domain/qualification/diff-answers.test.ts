import { describe, expect, it } from 'vitest';
import { BANT } from './built-in-frameworks.js';
import { describeAnswerChange, diffAnswers } from './diff-answers.js';
import { meetingFramework } from './test-frameworks.js';

describe('diffAnswers (SPEC §4.1: every change is a timeline entry)', () => {
  it('lists answered, changed and cleared criteria, with null for "not answered"', () => {
    expect(
      diffAnswers({ budget: 'yes', need: 'unknown', timing: 'no' }, { budget: 'yes', need: 'yes', authority: 'yes' }),
    ).toEqual([
      { key: 'need', from: 'unknown', to: 'yes' },
      { key: 'timing', from: 'no', to: null },
      { key: 'authority', from: null, to: 'yes' },
    ]);
  });

  it('finds nothing when nothing changed', () => {
    expect(diffAnswers({ budget: 'yes' }, { budget: 'yes' })).toEqual([]);
    expect(diffAnswers({}, {})).toEqual([]);
  });

  it('tells a number from the same text', () => {
    expect(diffAnswers({ budgetAmount: 50 }, { budgetAmount: '50' })).toHaveLength(1);
  });

  it('describes a change in both languages with labels, not raw values', () => {
    expect(describeAnswerChange(BANT, { key: 'timing', from: 'unknown', to: 'yes' })).toEqual({
      zh: 'BANT 时间: 未知 → 是',
      en: 'BANT Timing: unknown → yes',
    });
    expect(describeAnswerChange(BANT, { key: 'budget', from: null, to: 'no' }).zh).toBe('BANT 预算: 未填写 → 否');
    expect(describeAnswerChange(meetingFramework, { key: 'stage', from: 'researching', to: 'approved' }).zh).toBe(
      'MEET 项目阶段: 调研中 → 已立项',
    );
  });

  it('quotes changed free text, shortened, so the entry says what was written', () => {
    const long =
      '客户说现在的报表系统每天要人工导出三次，非常耗时，而且经常出错，老板很不满意，希望下个季度能上线新系统';
    const d = describeAnswerChange(meetingFramework, { key: 'painNotes', from: null, to: long });
    expect(d.zh).toBe(`MEET 痛点描述: 未填写 → “${[...long].slice(0, 40).join('')}…”`);
  });

  it('still describes a key the framework no longer has', () => {
    expect(describeAnswerChange(BANT, { key: 'gone', from: 'yes', to: null }).en).toBe('BANT gone: yes → —');
  });
});
