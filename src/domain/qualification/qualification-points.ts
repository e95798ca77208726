/**
 * The qualification part of a lead's score (SPEC §4.3) with its explanation: one line per
 * answer that earned points, in the framework's order, and the lines add up to the total.
 * A rule reads in Chinese with the framework's English id ("BANT 预算: 是 (+10)"), which is
 * how SDR teams say it. Answers to criteria a framework no longer has, or values it no longer
 * takes (an option removed after the call), earn nothing rather than failing the score.
 */

import type { ExplanationLine } from '../scoring/scoring-rules.js';
import { answerText } from './answer-text.js';
import type { Answers, Criterion, Framework } from './framework.js';

export interface PointsLine extends ExplanationLine {
  /** The criterion key, for clients that link a line to its question. */
  key: string;
}

export interface QualificationPoints {
  total: number;
  lines: PointsLine[];
}

function pointsFor(criterion: Criterion, value: Answers[string]): number {
  const answer = criterion.answer;
  switch (answer.type) {
    case 'yes_no_unknown':
      return value === 'yes' ? criterion.points : 0;
    case 'choice': {
      const option = answer.options.find((o) => o.value === value);
      return option ? (option.points ?? criterion.points) : 0;
    }
    case 'number':
      return typeof value === 'number' ? criterion.points : 0;
    case 'text':
      return typeof value === 'string' && value.trim() !== '' ? criterion.points : 0;
  }
}

const signedPoints = (points: number): string => (points < 0 ? `${points}` : `+${points}`);

export function qualificationPoints(framework: Framework, answers: Answers): QualificationPoints {
  const lines: PointsLine[] = [];
  for (const criterion of framework.criteria) {
    if (!Object.hasOwn(answers, criterion.key)) continue;
    const value = answers[criterion.key];
    const points = pointsFor(criterion, value);
    if (points === 0) continue;
    const answer = answerText(criterion, value);
    lines.push({
      rule: `${framework.id} ${criterion.label.zh}: ${answer.zh} (${signedPoints(points)})`,
      points,
      key: criterion.key,
      code: 'qualification',
      params: {
        framework: framework.id,
        criterion: criterion.key,
        label: { en: criterion.label.en, zh: criterion.label.zh },
        answer: { en: answer.en, zh: answer.zh },
      },
    });
  }
  return { total: lines.reduce((sum, line) => sum + line.points, 0), lines };
}
