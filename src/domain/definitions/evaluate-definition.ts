/**
 * Does a lead meet a stage definition (SPEC §4.2)? Every unmet criterion is listed, named and
 * explained, because a refused transfer answers HTTP 422 naming them, and an SDR should learn
 * from one refusal everything still missing — not one item per attempt.
 */
import type { AnswerValue } from '../qualification/framework.js';
import type { DefinitionBody, DefinitionCriterion } from './definition-body.js';
import type { LeadFacts } from './lead-facts.js';

export interface UnmetCriterion {
  /** Stable id of the criterion: `BANT.timing`, `contact`, `score`, `field.company`, … */
  criterion: string;
  /** `BANT timing is "unknown", needs "yes"` */
  detail: string;
  /** The same for the Chinese UI: `BANT timing 为“未知”，需要“是”` */
  detailZh: string;
}

export interface DefinitionEvaluation {
  passes: boolean;
  unmet: UnmetCriterion[];
}

export function criterionId(c: DefinitionCriterion): string {
  switch (c.kind) {
    case 'answer':
      return `${c.framework}.${c.key}`;
    case 'minScore':
      return 'score';
    case 'contact':
      return 'contact';
    case 'field':
      return `field.${c.field}`;
    case 'status':
      return 'status';
    case 'milestone':
      return `milestone.${c.milestone}`;
  }
}

const zhWords: Record<string, string> = { yes: '是', no: '否', unknown: '未知' };
const en = (v: AnswerValue) => JSON.stringify(v);
const zh = (v: AnswerValue) => (typeof v === 'number' ? String(v) : `“${zhWords[v] ?? v}”`);
const orList = (items: string[], or: string, sep: string) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(sep)}${or}${items[items.length - 1]}`;

const present = (value: unknown): boolean =>
  value !== null &&
  value !== undefined &&
  !(typeof value === 'string' && value.trim() === '') &&
  !(Array.isArray(value) && value.length === 0);

type Miss = Omit<UnmetCriterion, 'criterion'>;

function answerMiss(c: Extract<DefinitionCriterion, { kind: 'answer' }>, facts: LeadFacts): Miss | null {
  const answers = facts.answers[c.framework];
  const value = answers && Object.hasOwn(answers, c.key) ? answers[c.key] : undefined;
  const name = `${c.framework} ${c.key}`;
  const is = {
    en: value === undefined ? 'is not answered' : `is ${en(value)}`,
    zh: value === undefined ? '未填写' : `为${zh(value)}`,
  };
  if (c.oneOf) {
    if (value !== undefined && c.oneOf.includes(value)) return null;
    return {
      detail: `${name} ${is.en}, needs ${orList(c.oneOf.map(en), ' or ', ', ')}`,
      detailZh: `${name} ${is.zh}，需要${orList(c.oneOf.map(zh), '或', '、')}`,
    };
  }
  if (c.min !== undefined || c.max !== undefined) {
    const inRange =
      typeof value === 'number' && (c.min === undefined || value >= c.min) && (c.max === undefined || value <= c.max);
    if (inRange) return null;
    const needs =
      c.min !== undefined && c.max !== undefined
        ? { en: `${c.min} to ${c.max}`, zh: `${c.min}至${c.max}` }
        : c.min !== undefined
          ? { en: `at least ${c.min}`, zh: `至少${c.min}` }
          : { en: `at most ${c.max}`, zh: `至多${c.max}` };
    return { detail: `${name} ${is.en}, needs ${needs.en}`, detailZh: `${name} ${is.zh}，需要${needs.zh}` };
  }
  // "Unknown" is what an SDR records when the question went unanswered on the call.
  if (value !== undefined && value !== 'unknown' && present(value)) return null;
  return { detail: `${name} ${is.en}, needs an answer`, detailZh: `${name} ${is.zh}，需要明确的答案` };
}

function miss(c: DefinitionCriterion, facts: LeadFacts): Miss | null {
  switch (c.kind) {
    case 'answer':
      return answerMiss(c, facts);
    case 'minScore':
      if (facts.score !== null && facts.score >= c.min) return null;
      return facts.score === null
        ? { detail: `score is not computed yet, needs at least ${c.min}`, detailZh: `尚无评分，需要至少${c.min}分` }
        : {
            detail: `score is ${facts.score}, needs at least ${c.min}`,
            detailZh: `评分为${facts.score}，需要至少${c.min}分`,
          };
    case 'contact': {
      const phone = present(facts.phone);
      const email = present(facts.email);
      if (c.require === 'phone_or_email' && (phone || email)) return null;
      if (c.require === 'phone' && phone) return null;
      if (c.require === 'email' && email) return null;
      if (c.require === 'phone') return { detail: 'needs a phone', detailZh: '需要电话' };
      if (c.require === 'email') return { detail: 'needs an e-mail', detailZh: '需要邮箱' };
      return { detail: 'needs a phone or an e-mail', detailZh: '需要电话或邮箱' };
    }
    case 'field': {
      const custom = c.field.startsWith('fields.');
      const value = custom
        ? facts.fields?.[c.field.slice('fields.'.length)]
        : facts.profile?.[c.field as keyof NonNullable<LeadFacts['profile']>];
      if (present(value)) return null;
      return { detail: `${c.field} is not filled in`, detailZh: `${c.field} 未填写` };
    }
    case 'status':
      if (!c.notIn.includes(facts.status)) return null;
      return {
        detail: `status is "${facts.status}", must not be ${orList(
          c.notIn.map((s) => `"${s}"`),
          ' or ',
          ', ',
        )}`,
        detailZh: `状态为“${facts.status}”，不能是${orList(
          c.notIn.map((s) => `“${s}”`),
          '或',
          '、',
        )}`,
      };
    case 'milestone':
      if (facts.milestones?.[c.milestone]) return null;
      return c.milestone === 'accepted_by_sales'
        ? { detail: 'not accepted by sales', detailZh: '销售尚未接受' }
        : { detail: 'no opportunity registered', detailZh: '尚未登记商机' };
  }
}

export function evaluateDefinition(body: DefinitionBody, facts: LeadFacts): DefinitionEvaluation {
  const unmet: UnmetCriterion[] = [];
  for (const c of body.criteria) {
    const m = miss(c, facts);
    if (m) unmet.push({ criterion: criterionId(c), ...m });
  }
  return { passes: unmet.length === 0, unmet };
}
