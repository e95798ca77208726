import { describe, expect, it } from 'vitest';
import { GRADES, gradeOf } from './grade.js';
import type { GradeThresholds } from './scoring-rules.js';

const thresholds: GradeThresholds = { fit: { A: 45, B: 30, C: 15 }, engagement: { 1: 40, 2: 20, 3: 8 } };

describe('grade (SPEC §4.3: A–D on fit × 1–4 on engagement)', () => {
  const fitAt = { A: 45, B: 30, C: 15, D: 14 } as const;
  const engagementAt = { 1: 40, 2: 20, 3: 8, 4: 7 } as const;

  it.each(GRADES)('gives %s on its thresholds', (grade) => {
    const fit = fitAt[grade[0] as keyof typeof fitAt];
    const engagement = engagementAt[Number(grade[1]) as keyof typeof engagementAt];
    expect(gradeOf(fit, engagement, thresholds)).toBe(grade);
  });

  it('counts a threshold as reached, one point below as not', () => {
    expect(gradeOf(45, 40, thresholds)).toBe('A1');
    expect(gradeOf(44, 39, thresholds)).toBe('B2');
  });

  it('grades negative and very high sub-totals at the ends of the matrix', () => {
    expect(gradeOf(-20, -5, thresholds)).toBe('D4');
    expect(gradeOf(1000, 1000, thresholds)).toBe('A1');
  });

  it('lists the 16 grades in matrix order', () => {
    expect(GRADES).toEqual([
      'A1',
      'A2',
      'A3',
      'A4',
      'B1',
      'B2',
      'B3',
      'B4',
      'C1',
      'C2',
      'C3',
      'C4',
      'D1',
      'D2',
      'D3',
      'D4',
    ]);
  });
});
