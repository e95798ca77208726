import { describe, expect, it } from 'vitest';
import { BANT, CHAMP } from './built-in-frameworks.js';
import { qualificationPoints } from './qualification-points.js';
import { meetingFramework } from './test-frameworks.js';

describe('qualification points (SPEC §4.3)', () => {
  it('gives BANT all "yes" 40 points, one readable line per criterion', () => {
    const r = qualificationPoints(BANT, { budget: 'yes', authority: 'yes', need: 'yes', timing: 'yes' });
    expect(r.total).toBe(40);
    expect(r.lines.map((l) => l.rule)).toEqual([
      'BANT 预算: 是 (+10)',
      'BANT 权限: 是 (+10)',
      'BANT 需求: 是 (+10)',
      'BANT 时间: 是 (+10)',
    ]);
    expect(r.lines[0]).toEqual({
      rule: 'BANT 预算: 是 (+10)',
      points: 10,
      key: 'budget',
      code: 'qualification',
      params: {
        framework: 'BANT',
        criterion: 'budget',
        label: { en: 'Budget', zh: '预算' },
        answer: { en: 'yes', zh: '是' },
      },
    });
  });

  it('gives nothing for "no", "unknown" or no answer, and lists no line for them', () => {
    const r = qualificationPoints(CHAMP, { challenge: 'yes', authority: 'no', money: 'unknown' });
    expect(r).toEqual({
      total: 15,
      lines: [
        {
          rule: 'CHAMP 挑战: 是 (+15)',
          points: 15,
          key: 'challenge',
          code: 'qualification',
          params: {
            framework: 'CHAMP',
            criterion: 'challenge',
            label: { en: 'Challenge', zh: '挑战' },
            answer: { en: 'yes', zh: '是' },
          },
        },
      ],
    });
    expect(qualificationPoints(BANT, {})).toEqual({ total: 0, lines: [] });
  });

  it('scores choices by option (falling back to the criterion), numbers and text when answered', () => {
    const r = qualificationPoints(meetingFramework, {
      agreedToMeet: 'yes',
      stage: 'researching',
      budgetAmount: 50,
      painNotes: '报表太慢',
    });
    expect(r.lines.map((l) => [l.rule, l.points])).toEqual([
      ['MEET 同意见面: 是 (+15)', 15],
      ['MEET 项目阶段: 调研中 (+3)', 3],
      ['MEET 预算金额: 50万元 (+5)', 5],
      ['MEET 痛点描述: 已填写 (+2)', 2],
    ]);
    expect(r.total).toBe(25);
  });

  it('shows negative points with their sign, and the lines always add up to the total', () => {
    const r = qualificationPoints(meetingFramework, { stage: 'none', agreedToMeet: 'yes' });
    expect(r.lines.map((l) => l.rule)).toEqual(['MEET 同意见面: 是 (+15)', 'MEET 项目阶段: 无计划 (-5)']);
    expect(r.total).toBe(10);
    expect(r.lines.reduce((s, l) => s + l.points, 0)).toBe(r.total);
  });

  it('ignores answers the framework no longer has or no longer accepts, instead of failing', () => {
    const r = qualificationPoints(meetingFramework, { removedKey: 'yes', stage: 'deletedOption', agreedToMeet: 'yes' });
    expect(r.total).toBe(15);
  });
});
