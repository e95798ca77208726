/**
 * Checks a proposed definition (SPEC §4.2) against the frameworks it names. Unknown properties
 * are refused rather than ignored: a typo such as `oneof` would otherwise drop a requirement and
 * silently loosen the gate both sides are about to approve. An answer criterion must name a
 * criterion that exists and values that criterion can take, so a definition can never demand
 * an answer the form cannot give.
 */
import type { FieldError } from '../errors.js';
import { leadStatuses } from '../lead-status.js';
import type { AnswerValue, Criterion, Framework } from '../qualification/framework.js';
import { validateAnswers } from '../qualification/validate-answers.js';
import {
  type ContactRequirement,
  type DefinitionBody,
  type DefinitionCriterion,
  type DefinitionKind,
  definitionKinds,
  type Milestone,
  milestones,
  profileFields,
} from './definition-body.js';
import { criterionId } from './evaluate-definition.js';

export type ValidateDefinitionResult = { ok: true; body: DefinitionBody } | { ok: false; errors: FieldError[] };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const list = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');
const listZh = (values: readonly string[]) => values.join('、');
const maxCriteria = 50;
const contactRequirements: readonly ContactRequirement[] = ['phone_or_email', 'phone', 'email'];

const properties: Record<DefinitionCriterion['kind'], readonly string[]> = {
  answer: ['kind', 'framework', 'key', 'oneOf', 'min', 'max'],
  minScore: ['kind', 'min'],
  contact: ['kind', 'require'],
  field: ['kind', 'field'],
  status: ['kind', 'notIn'],
  milestone: ['kind', 'milestone'],
};

function checkAnswerCriterion(
  input: Json,
  field: string,
  frameworks: readonly Framework[],
  errors: FieldError[],
): DefinitionCriterion | undefined {
  const fail = (at: string, message: string, messageZh: string) => {
    errors.push({ field: at ? `${field}.${at}` : field, message, messageZh });
    return undefined;
  };
  const framework = frameworks.find((f) => f.id === input.framework);
  if (!framework) {
    const ids = frameworks.map((f) => f.id);
    return fail('framework', `must be one of the frameworks: ${list(ids)}`, `须为以下资格框架之一：${listZh(ids)}`);
  }
  const criterion: Criterion | undefined = framework.criteria.find((c) => c.key === input.key);
  if (!criterion) {
    const keys = framework.criteria.map((c) => c.key);
    return fail(
      'key',
      `must be a criterion of ${framework.id}: ${list(keys)}`,
      `须为 ${framework.id} 中的一项标准：${listZh(keys)}`,
    );
  }
  const { oneOf, min, max } = input;
  const before = errors.length;
  if (oneOf !== undefined && (min !== undefined || max !== undefined)) {
    return fail('', 'takes either oneOf or min/max, not both', 'oneOf 与 min/max 只能二选一');
  }
  const accepted: AnswerValue[] = [];
  if (oneOf !== undefined) {
    if (!Array.isArray(oneOf) || oneOf.length === 0) {
      return fail('oneOf', 'must list at least one accepted answer', '须至少列出一个可接受的答案');
    }
    oneOf.forEach((value, i) => {
      // What oneOf may list is exactly what the form accepts for this criterion, stored the same way.
      const checked = validateAnswers(framework, { [criterion.key]: value });
      const stored = checked.ok ? checked.answers[criterion.key] : undefined;
      if (stored === undefined) {
        const refused = checked.ok ? undefined : checked.errors[0];
        fail(
          `oneOf.${i}`,
          refused?.message ?? 'must be an answer',
          refused ? (refused.messageZh ?? refused.message) : '须为一个答案',
        );
      } else if (!accepted.includes(stored)) accepted.push(stored);
    });
  }
  for (const [name, bound] of [
    ['min', min],
    ['max', max],
  ] as const) {
    if (bound === undefined) continue;
    if (criterion.answer.type !== 'number')
      fail(
        name,
        `applies only to number answers; ${criterion.key} is ${criterion.answer.type}`,
        `只适用于数字型答案；${criterion.key} 的答案类型是 ${criterion.answer.type}`,
      );
    else if (!isFiniteNumber(bound)) fail(name, 'must be a number', '须为数字');
  }
  if (isFiniteNumber(min) && isFiniteNumber(max) && min > max) fail('max', 'must not be below min', '不能小于 min');
  if (errors.length > before) return undefined;
  return {
    kind: 'answer',
    framework: framework.id,
    key: criterion.key,
    ...(oneOf !== undefined ? { oneOf: accepted } : {}),
    ...(min !== undefined ? { min: min as number } : {}),
    ...(max !== undefined ? { max: max as number } : {}),
  };
}

function checkCriterion(
  input: unknown,
  field: string,
  frameworks: readonly Framework[],
  errors: FieldError[],
): DefinitionCriterion | undefined {
  const fail = (at: string, message: string, messageZh: string) => {
    errors.push({ field: `${field}.${at}`, message, messageZh });
    return undefined;
  };
  const oneOfKinds = (at: string, values: readonly string[], more = '', moreZh = '') =>
    fail(at, `must be one of ${list(values)}${more}`, `须为以下之一：${listZh(values)}${moreZh}`);
  if (!isObject(input)) {
    errors.push({ field, message: 'must be an object with a kind', messageZh: '须为带 kind 的对象' });
    return undefined;
  }
  const kind = input.kind as DefinitionCriterion['kind'];
  if (!Object.hasOwn(properties, kind)) return oneOfKinds('kind', Object.keys(properties));
  const before = errors.length;
  for (const key of Object.keys(input)) {
    if (!properties[kind].includes(key)) fail(key, 'is not a known property', '不是已知属性');
  }
  if (errors.length > before) return undefined;
  switch (kind) {
    case 'answer':
      return checkAnswerCriterion(input, field, frameworks, errors);
    case 'minScore':
      return isFiniteNumber(input.min) ? { kind, min: input.min } : fail('min', 'must be a number', '须为数字');
    case 'contact':
      return contactRequirements.includes(input.require as ContactRequirement)
        ? { kind, require: input.require as ContactRequirement }
        : oneOfKinds(
            'require',
            contactRequirements,
            ' (leave the criterion out to require none)',
            '（不要求联系方式时，去掉这条标准即可）',
          );
    case 'field': {
      const name = input.field;
      const ok =
        typeof name === 'string' && ((profileFields as readonly string[]).includes(name) || /^fields\.\S/.test(name));
      return ok
        ? { kind, field: name as string }
        : fail(
            'field',
            `must be one of ${list(profileFields)} or "fields.<name>" for a custom attribute`,
            `须为 ${listZh(profileFields)} 之一，自定义属性写作“fields.<名称>”`,
          );
    }
    case 'status': {
      const { notIn } = input;
      const statuses = leadStatuses as readonly string[];
      if (!Array.isArray(notIn) || notIn.length === 0 || !notIn.every((s) => statuses.includes(s))) {
        return fail(
          'notIn',
          `must list one or more of ${list(leadStatuses)}`,
          `须列出以下一项或多项：${listZh(leadStatuses)}`,
        );
      }
      return { kind, notIn: [...new Set(notIn as string[])] };
    }
    case 'milestone':
      return milestones.includes(input.milestone as Milestone)
        ? { kind, milestone: input.milestone as Milestone }
        : oneOfKinds('milestone', milestones);
  }
}

export function validateDefinitionBody(input: unknown, frameworks: readonly Framework[]): ValidateDefinitionResult {
  if (!isObject(input)) {
    return {
      ok: false,
      errors: [{ field: 'body', message: 'must be a definition object', messageZh: '须为定义对象' }],
    };
  }
  const errors: FieldError[] = [];
  for (const key of Object.keys(input)) {
    if (key !== 'kind' && key !== 'criteria') {
      errors.push({ field: key, message: 'is not a known property', messageZh: '不是已知属性' });
    }
  }
  const kind = input.kind as DefinitionKind;
  if (!definitionKinds.includes(kind)) {
    errors.push({
      field: 'kind',
      message: `must be one of ${list(definitionKinds)}`,
      messageZh: `须为以下之一：${listZh(definitionKinds)}`,
    });
  }

  const criteria: DefinitionCriterion[] = [];
  if (!Array.isArray(input.criteria) || input.criteria.length === 0) {
    errors.push({ field: 'criteria', message: 'must list at least one criterion', messageZh: '须至少列出一条标准' });
  } else if (input.criteria.length > maxCriteria) {
    errors.push({
      field: 'criteria',
      message: `may list at most ${maxCriteria}`,
      messageZh: `最多列出 ${maxCriteria} 条`,
    });
  } else {
    input.criteria.forEach((raw, i) => {
      const criterion = checkCriterion(raw, `criteria.${i}`, frameworks, errors);
      if (!criterion) return;
      const id = criterionId(criterion);
      if (criteria.some((c) => criterionId(c) === id)) {
        errors.push({ field: `criteria.${i}`, message: `repeats the criterion ${id}`, messageZh: `标准 ${id} 重复` });
      } else criteria.push(criterion);
    });
  }
  return errors.length ? { ok: false, errors } : { ok: true, body: { kind, criteria } };
}
