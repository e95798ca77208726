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
  const fail = (at: string, message: string) => {
    errors.push({ field: at ? `${field}.${at}` : field, message });
    return undefined;
  };
  const framework = frameworks.find((f) => f.id === input.framework);
  if (!framework) return fail('framework', `must be one of the frameworks: ${list(frameworks.map((f) => f.id))}`);
  const criterion: Criterion | undefined = framework.criteria.find((c) => c.key === input.key);
  if (!criterion) {
    return fail('key', `must be a criterion of ${framework.id}: ${list(framework.criteria.map((c) => c.key))}`);
  }
  const { oneOf, min, max } = input;
  const before = errors.length;
  if (oneOf !== undefined && (min !== undefined || max !== undefined)) {
    return fail('', 'takes either oneOf or min/max, not both');
  }
  const accepted: AnswerValue[] = [];
  if (oneOf !== undefined) {
    if (!Array.isArray(oneOf) || oneOf.length === 0) return fail('oneOf', 'must list at least one accepted answer');
    oneOf.forEach((value, i) => {
      // What oneOf may list is exactly what the form accepts for this criterion, stored the same way.
      const checked = validateAnswers(framework, { [criterion.key]: value });
      const stored = checked.ok ? checked.answers[criterion.key] : undefined;
      if (stored === undefined) fail(`oneOf.${i}`, checked.ok ? 'must be an answer' : checked.errors[0].message);
      else if (!accepted.includes(stored)) accepted.push(stored);
    });
  }
  for (const [name, bound] of [
    ['min', min],
    ['max', max],
  ] as const) {
    if (bound === undefined) continue;
    if (criterion.answer.type !== 'number')
      fail(name, `applies only to number answers; ${criterion.key} is ${criterion.answer.type}`);
    else if (!isFiniteNumber(bound)) fail(name, 'must be a number');
  }
  if (isFiniteNumber(min) && isFiniteNumber(max) && min > max) fail('max', 'must not be below min');
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
  const fail = (at: string, message: string) => {
    errors.push({ field: `${field}.${at}`, message });
    return undefined;
  };
  if (!isObject(input)) {
    errors.push({ field, message: 'must be an object with a kind' });
    return undefined;
  }
  const kind = input.kind as DefinitionCriterion['kind'];
  if (!Object.hasOwn(properties, kind)) return fail('kind', `must be one of ${list(Object.keys(properties))}`);
  const before = errors.length;
  for (const key of Object.keys(input)) if (!properties[kind].includes(key)) fail(key, 'is not a known property');
  if (errors.length > before) return undefined;
  switch (kind) {
    case 'answer':
      return checkAnswerCriterion(input, field, frameworks, errors);
    case 'minScore':
      return isFiniteNumber(input.min) ? { kind, min: input.min } : fail('min', 'must be a number');
    case 'contact':
      return contactRequirements.includes(input.require as ContactRequirement)
        ? { kind, require: input.require as ContactRequirement }
        : fail('require', `must be one of ${list(contactRequirements)} (leave the criterion out to require none)`);
    case 'field': {
      const name = input.field;
      const ok =
        typeof name === 'string' && ((profileFields as readonly string[]).includes(name) || /^fields\.\S/.test(name));
      return ok
        ? { kind, field: name as string }
        : fail('field', `must be one of ${list(profileFields)} or "fields.<name>" for a custom attribute`);
    }
    case 'status': {
      const { notIn } = input;
      const statuses = leadStatuses as readonly string[];
      if (!Array.isArray(notIn) || notIn.length === 0 || !notIn.every((s) => statuses.includes(s))) {
        return fail('notIn', `must list one or more of ${list(leadStatuses)}`);
      }
      return { kind, notIn: [...new Set(notIn as string[])] };
    }
    case 'milestone':
      return milestones.includes(input.milestone as Milestone)
        ? { kind, milestone: input.milestone as Milestone }
        : fail('milestone', `must be one of ${list(milestones)}`);
  }
}

export function validateDefinitionBody(input: unknown, frameworks: readonly Framework[]): ValidateDefinitionResult {
  if (!isObject(input)) return { ok: false, errors: [{ field: 'body', message: 'must be a definition object' }] };
  const errors: FieldError[] = [];
  for (const key of Object.keys(input)) {
    if (key !== 'kind' && key !== 'criteria') errors.push({ field: key, message: 'is not a known property' });
  }
  const kind = input.kind as DefinitionKind;
  if (!definitionKinds.includes(kind))
    errors.push({ field: 'kind', message: `must be one of ${list(definitionKinds)}` });

  const criteria: DefinitionCriterion[] = [];
  if (!Array.isArray(input.criteria) || input.criteria.length === 0) {
    errors.push({ field: 'criteria', message: 'must list at least one criterion' });
  } else if (input.criteria.length > maxCriteria) {
    errors.push({ field: 'criteria', message: `may list at most ${maxCriteria}` });
  } else {
    input.criteria.forEach((raw, i) => {
      const criterion = checkCriterion(raw, `criteria.${i}`, frameworks, errors);
      if (!criterion) return;
      const id = criterionId(criterion);
      if (criteria.some((c) => criterionId(c) === id)) {
        errors.push({ field: `criteria.${i}`, message: `repeats the criterion ${id}` });
      } else criteria.push(criterion);
    });
  }
  return errors.length ? { ok: false, errors } : { ok: true, body: { kind, criteria } };
}
