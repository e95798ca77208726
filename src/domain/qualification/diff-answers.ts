/**
 * What changed between two saves of a qualification form, for the timeline (SPEC §4.1: every
 * change is a timeline entry). `null` means "not answered", so answering, changing and
 * clearing are all one shape. Keys come in the order of `before`, then new keys of `after`;
 * validated answers are in framework order, so the timeline reads like the form.
 */
import { answerText } from './answer-text.js';
import { type Answers, type AnswerValue, type Bilingual, criterionOf, type Framework } from './framework.js';

export interface AnswerChange {
  key: string;
  from: AnswerValue | null;
  to: AnswerValue | null;
}

export function diffAnswers(before: Answers, after: Answers): AnswerChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changes: AnswerChange[] = [];
  for (const key of keys) {
    const from = Object.hasOwn(before, key) ? before[key] : null;
    const to = Object.hasOwn(after, key) ? after[key] : null;
    if (from !== to) changes.push({ key, from, to });
  }
  return changes;
}

/** Free text is quoted (shortened) here: "filled in → filled in" would tell the reader nothing. */
function quotedExcerpt(value: string): Bilingual {
  const chars = [...value];
  const excerpt = chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : value;
  return { zh: `“${excerpt}”`, en: `"${excerpt}"` };
}

/** "BANT 时间: 未知 → 是" / "BANT Timing: unknown → yes", for a timeline entry's text. */
export function describeAnswerChange(framework: Framework, change: AnswerChange): Bilingual {
  const criterion = criterionOf(framework, change.key);
  if (!criterion) {
    const show = (v: AnswerValue | null) => (v === null ? '—' : String(v));
    const text = `${framework.id} ${change.key}: ${show(change.from)} → ${show(change.to)}`;
    return { zh: text, en: text };
  }
  const text = (value: AnswerValue | null): Bilingual =>
    criterion.answer.type === 'text' && typeof value === 'string' ? quotedExcerpt(value) : answerText(criterion, value);
  const from = text(change.from);
  const to = text(change.to);
  return {
    zh: `${framework.id} ${criterion.label.zh}: ${from.zh} → ${to.zh}`,
    en: `${framework.id} ${criterion.label.en}: ${from.en} → ${to.en}`,
  };
}
