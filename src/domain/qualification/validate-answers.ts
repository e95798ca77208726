/**
 * Checks what an SDR filled in against a framework (SPEC §4.1, `PUT /leads/{id}/qualification`).
 * Answers may be partial: a question not yet asked is simply absent. `null` and blank text
 * clear an answer (the form's "clear" button), so they come back absent too. Every key that is
 * not a criterion, and every value the criterion does not take, is named as `answers.<key>`
 * with what would have been accepted. The result lists answers in the framework's order.
 */
import type { FieldError, FieldWords } from '../errors.js';
import { type AnswerValue, type Criterion, type Framework, yesNoUnknown } from './framework.js';

export type ValidateAnswersResult =
  | { ok: true; answers: Record<string, AnswerValue> }
  | { ok: false; errors: FieldError[] };

const quoted = (values: readonly string[]): string => {
  const q = values.map((v) => JSON.stringify(v));
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
};

const textRefused = (max: number): FieldWords => ({
  message: `must be text of at most ${max} characters`,
  messageZh: `须为最多 ${max} 个字符的文本`,
});

/** The value to store, or the reason it is refused. */
function checkValue(criterion: Criterion, value: unknown): { value: AnswerValue } | { refused: FieldWords } {
  const answer = criterion.answer;
  switch (answer.type) {
    case 'yes_no_unknown':
      return typeof value === 'string' && (yesNoUnknown as readonly string[]).includes(value)
        ? { value }
        : {
            refused: { message: `must be ${quoted(yesNoUnknown)}`, messageZh: `须为 ${yesNoUnknown.join('、')} 之一` },
          };
    case 'choice': {
      const values = answer.options.map((o) => o.value);
      return typeof value === 'string' && values.includes(value)
        ? { value }
        : { refused: { message: `must be one of ${quoted(values)}`, messageZh: `须为 ${values.join('、')} 之一` } };
    }
    case 'number': {
      const range =
        answer.min !== undefined && answer.max !== undefined
          ? ` from ${answer.min} to ${answer.max}`
          : answer.min !== undefined
            ? ` of at least ${answer.min}`
            : answer.max !== undefined
              ? ` of at most ${answer.max}`
              : '';
      const rangeZh =
        answer.min !== undefined && answer.max !== undefined
          ? `，在 ${answer.min} 到 ${answer.max} 之间`
          : answer.min !== undefined
            ? `，不小于 ${answer.min}`
            : answer.max !== undefined
              ? `，不大于 ${answer.max}`
              : '';
      const ok =
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (answer.min === undefined || value >= answer.min) &&
        (answer.max === undefined || value <= answer.max);
      return ok ? { value } : { refused: { message: `must be a number${range}`, messageZh: `须为数字${rangeZh}` } };
    }
    case 'text': {
      if (typeof value !== 'string') return { refused: textRefused(answer.maxLength) };
      const text = value.trim();
      return [...text].length <= answer.maxLength ? { value: text } : { refused: textRefused(answer.maxLength) };
    }
  }
}

export function validateAnswers(framework: Framework, answers: unknown): ValidateAnswersResult {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return {
      ok: false,
      errors: [
        {
          field: 'answers',
          message: 'must be an object of answers by criterion key',
          messageZh: '须为按标准键给出答案的对象',
        },
      ],
    };
  }
  const given = answers as Record<string, unknown>;
  const errors: FieldError[] = [];
  const keys = framework.criteria.map((c) => c.key);
  for (const key of Object.keys(given)) {
    if (!keys.includes(key)) {
      errors.push({
        field: `answers.${key}`,
        message: `is not a question of ${framework.id} (its keys: ${keys.join(', ')})`,
        messageZh: `不是 ${framework.id} 的问题（其键为：${keys.join('、')}）`,
      });
    }
  }
  const valid: Record<string, AnswerValue> = {};
  for (const criterion of framework.criteria) {
    if (!Object.hasOwn(given, criterion.key)) continue;
    const raw = given[criterion.key];
    if (raw === null || raw === undefined) continue;
    const checked = checkValue(criterion, raw);
    if ('refused' in checked) errors.push({ field: `answers.${criterion.key}`, ...checked.refused });
    else if (checked.value !== '') valid[criterion.key] = checked.value;
  }
  return errors.length ? { ok: false, errors } : { ok: true, answers: valid };
}
