/**
 * Checks a framework an admin defines or edits (SPEC §4.1: built-in templates are editable and
 * custom ones can be added). Unknown properties are refused rather than ignored: a typo such as
 * `point` would otherwise silently score a criterion 0. Texts may be given as one string (used
 * for both languages) or as `{zh, en}` with at least one filled. Ids are English so they work
 * as JSON keys and in definitions (`MEET.agreedToMeet`).
 *
 * Editing a built-in (`replacing`) may reword questions, change points and add criteria, but
 * must keep every answer key of the original with its answer type: the API fixes those keys
 * (SPEC §4.1) and MQL definitions refer to them.
 */
import type { FieldError } from '../errors.js';
import { builtInFrameworks } from './built-in-frameworks.js';
import type { AnswerType, Bilingual, ChoiceOption, Criterion, Framework } from './framework.js';

export type ValidateFrameworkResult = { ok: true; framework: Framework } | { ok: false; errors: FieldError[] };

const idPattern = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;
const keyPattern = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const maxCriteria = 50;
const maxOptions = 50;
const defaultTextLength = 500;
const maxTextLength = 10_000;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

class Checker {
  readonly errors: FieldError[] = [];

  fail(field: string, message: string, messageZh: string): undefined {
    this.errors.push({ field, message, messageZh });
    return undefined;
  }

  /** Reports properties the shape does not have. */
  onlyKnown(value: Json, field: string, known: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) this.fail(field ? `${field}.${key}` : key, 'is not a known property', '不是已知属性');
    }
  }

  bilingual(value: unknown, field: string, fallback?: string): Bilingual | undefined {
    if (value === undefined && fallback !== undefined) return { zh: fallback, en: fallback };
    if (typeof value === 'string') {
      return value.trim() ? { zh: value.trim(), en: value.trim() } : this.fail(field, 'must not be empty', '不能为空');
    }
    if (!isObject(value)) return this.fail(field, 'is required: a text, or {zh, en}', '必填：文本，或 {zh, en}');
    this.onlyKnown(value, field, ['zh', 'en']);
    for (const lang of ['zh', 'en'] as const) {
      if (value[lang] !== undefined && typeof value[lang] !== 'string')
        this.fail(`${field}.${lang}`, 'must be text', '须为文本');
    }
    const zh = typeof value.zh === 'string' ? value.zh.trim() : '';
    const en = typeof value.en === 'string' ? value.en.trim() : '';
    if (!zh && !en)
      return this.fail(field, 'needs a Chinese (zh) or English (en) text', '需要中文（zh）或英文（en）文本');
    return { zh: zh || en, en: en || zh };
  }

  points(value: unknown, field: string): number | undefined {
    return isFiniteNumber(value) ? value : this.fail(field, 'must be a number of points', '须为分值数字');
  }
}

function checkOption(c: Checker, input: unknown, field: string): ChoiceOption | undefined {
  if (!isObject(input))
    return c.fail(field, 'must be an object {value, label, points?}', '须为对象 {value, label, points?}');
  c.onlyKnown(input, field, ['value', 'label', 'points']);
  const value = typeof input.value === 'string' && input.value.trim() ? input.value.trim() : undefined;
  if (value === undefined) return c.fail(`${field}.value`, 'must be non-empty text', '须为非空文本');
  if (value.length > 64) return c.fail(`${field}.value`, 'must be at most 64 characters', '最多 64 个字符');
  const label = c.bilingual(input.label, `${field}.label`, value);
  const points = input.points === undefined ? undefined : c.points(input.points, `${field}.points`);
  if (!label || (input.points !== undefined && points === undefined)) return undefined;
  return points === undefined ? { value, label } : { value, label, points };
}

function checkAnswerType(c: Checker, input: unknown, field: string): AnswerType | undefined {
  if (!isObject(input)) return c.fail(field, 'must be an object with a type', '须为带 type 的对象');
  switch (input.type) {
    case 'yes_no_unknown':
      c.onlyKnown(input, field, ['type']);
      return { type: 'yes_no_unknown' };
    case 'choice': {
      c.onlyKnown(input, field, ['type', 'options']);
      if (!Array.isArray(input.options) || input.options.length === 0) {
        return c.fail(`${field}.options`, 'must list at least one option', '须至少列出一个选项');
      }
      if (input.options.length > maxOptions)
        return c.fail(`${field}.options`, `may list at most ${maxOptions}`, `最多列出 ${maxOptions} 个`);
      const options: ChoiceOption[] = [];
      input.options.forEach((o, i) => {
        const option = checkOption(c, o, `${field}.options.${i}`);
        if (!option) return;
        if (options.some((p) => p.value === option.value)) {
          c.fail(`${field}.options.${i}.value`, `repeats the option "${option.value}"`, `选项“${option.value}”重复`);
        } else options.push(option);
      });
      return options.length === input.options.length ? { type: 'choice', options } : undefined;
    }
    case 'number': {
      c.onlyKnown(input, field, ['type', 'min', 'max', 'unit']);
      const before = c.errors.length;
      for (const bound of ['min', 'max'] as const) {
        if (input[bound] !== undefined && !isFiniteNumber(input[bound]))
          c.fail(`${field}.${bound}`, 'must be a number', '须为数字');
      }
      if (input.unit !== undefined && (typeof input.unit !== 'string' || input.unit.length > 20)) {
        c.fail(`${field}.unit`, 'must be text of at most 20 characters', '须为最多 20 个字符的文本');
      }
      if (c.errors.length > before) return undefined;
      const { min, max, unit } = input as { min?: number; max?: number; unit?: string };
      if (min !== undefined && max !== undefined && min > max)
        return c.fail(`${field}.max`, 'must not be below min', '不能小于 min');
      return {
        type: 'number',
        ...(min !== undefined ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
        ...(unit?.trim() ? { unit: unit.trim() } : {}),
      };
    }
    case 'text': {
      c.onlyKnown(input, field, ['type', 'maxLength']);
      const maxLength = input.maxLength ?? defaultTextLength;
      if (!Number.isInteger(maxLength) || (maxLength as number) < 1 || (maxLength as number) > maxTextLength) {
        return c.fail(
          `${field}.maxLength`,
          `must be a whole number from 1 to ${maxTextLength}`,
          `须为 1 到 ${maxTextLength} 的整数`,
        );
      }
      return { type: 'text', maxLength: maxLength as number };
    }
    default:
      return c.fail(
        `${field}.type`,
        'must be "yes_no_unknown", "choice", "number" or "text"',
        '须为“yes_no_unknown”“choice”“number”或“text”',
      );
  }
}

function checkCriterion(c: Checker, input: unknown, field: string): Criterion | undefined {
  if (!isObject(input))
    return c.fail(
      field,
      'must be an object {key, question, answer, points}',
      '须为对象 {key, question, answer, points}',
    );
  c.onlyKnown(input, field, ['key', 'label', 'question', 'answer', 'points']);
  const before = c.errors.length;
  const key = typeof input.key === 'string' && keyPattern.test(input.key) ? input.key : undefined;
  if (key === undefined) {
    c.fail(
      `${field}.key`,
      'must be an English id: a letter, then letters, digits or _ (at most 40)',
      '须为英文标识：字母开头，后接字母、数字或 _（最多 40 个）',
    );
  }
  const label = c.bilingual(input.label, `${field}.label`, key ?? '');
  const question = c.bilingual(input.question, `${field}.question`);
  const answer = checkAnswerType(c, input.answer, `${field}.answer`);
  // A choice criterion's options carry the points; elsewhere a missing `points` is a mistake.
  const points =
    input.points === undefined && answer?.type === 'choice' ? 0 : c.points(input.points, `${field}.points`);
  if (c.errors.length > before || !key || !label || !question || !answer || points === undefined) return undefined;
  return { key, label, question, answer, points };
}

export interface ValidateFrameworkOptions {
  /** The stored framework this input replaces; for a built-in, its keys and answer types stay. */
  replacing?: Framework;
}

export function validateFrameworkDefinition(
  input: unknown,
  options: ValidateFrameworkOptions = {},
): ValidateFrameworkResult {
  const c = new Checker();
  if (!isObject(input))
    return {
      ok: false,
      errors: [{ field: 'body', message: 'must be a framework object', messageZh: '须为资格框架对象' }],
    };
  c.onlyKnown(input, '', ['id', 'name', 'builtIn', 'order', 'criteria']);
  const { replacing } = options;

  const id = typeof input.id === 'string' && idPattern.test(input.id) ? input.id : undefined;
  if (id === undefined) {
    c.fail(
      'id',
      'must be an English id: a letter, then letters, digits, _ or - (at most 32)',
      '须为英文标识：字母开头，后接字母、数字、_ 或 -（最多 32 个）',
    );
  } else if (replacing && id !== replacing.id) {
    c.fail('id', `must stay "${replacing.id}"`, `须保持为“${replacing.id}”`);
  } else if (!replacing?.builtIn && builtInFrameworks.some((b) => b.id.toLowerCase() === id.toLowerCase())) {
    c.fail(
      'id',
      `"${id}" is the id of a built-in framework; edit that one or choose another id`,
      `“${id}”是内置框架的标识；请编辑该框架或另选标识`,
    );
  }
  if (input.builtIn !== undefined && input.builtIn !== (replacing?.builtIn ?? false)) {
    c.fail('builtIn', 'is set by LeadLoop, not by the request', '由 LeadLoop 设置，不能由请求指定');
  }
  if (input.order !== undefined && input.order !== 'as-listed')
    c.fail('order', 'must be "as-listed"', '须为“as-listed”');
  const name = c.bilingual(input.name, 'name');

  const criteria: Criterion[] = [];
  if (!Array.isArray(input.criteria) || input.criteria.length === 0) {
    c.fail('criteria', 'must list at least one criterion', '须至少列出一个标准');
  } else if (input.criteria.length > maxCriteria) {
    c.fail('criteria', `may list at most ${maxCriteria}`, `最多列出 ${maxCriteria} 个`);
  } else {
    input.criteria.forEach((raw, i) => {
      const criterion = checkCriterion(c, raw, `criteria.${i}`);
      if (!criterion) return;
      if (criteria.some((k) => k.key === criterion.key))
        c.fail(`criteria.${i}.key`, `repeats the key "${criterion.key}"`, `键“${criterion.key}”重复`);
      else criteria.push(criterion);
    });
  }

  if (replacing?.builtIn && Array.isArray(input.criteria)) {
    for (const kept of replacing.criteria) {
      const now = criteria.find((k) => k.key === kept.key);
      if (!now) c.fail('criteria', `must keep the built-in key "${kept.key}"`, `须保留内置键“${kept.key}”`);
      else if (now.answer.type !== kept.answer.type) {
        c.fail(
          'criteria',
          `the built-in key "${kept.key}" must keep its answer type ${kept.answer.type}`,
          `内置键“${kept.key}”须保持答案类型 ${kept.answer.type}`,
        );
      }
    }
  }

  if (c.errors.length || !id || !name) return { ok: false, errors: c.errors };
  return { ok: true, framework: { id, name, builtIn: replacing?.builtIn ?? false, order: 'as-listed', criteria } };
}
