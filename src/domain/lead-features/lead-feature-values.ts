/**
 * The predictive model's raw features of a lead (SPEC §4.3): source (channel and UTM), region
 * (province), industry, company size, title seniority, behaviour counts and recency by type, the
 * SDR's touches, qualification answers, and every attribute in `fields`. Names are stable keys
 * (`behaviour.demo_request.count`, `field.行业细分`); term-words.ts says them in words.
 * Touch features are absent (missing, not zero) on history leads: their past was not tracked here.
 */
import { regionByCode } from '../normalise/region.js';
import { titleSeniority } from '../seniority/title-seniority.js';
import type { LeadFeatureSource } from './lead-feature-source.js';

export type FeatureValue = number | string | boolean | null | undefined;
export type FeatureValues = Record<string, FeatureValue>;

const DAY_MS = 86_400_000;
const isoDate = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** Kept on the lead by imports but not a fact about it: the outcome is the label itself. */
const notFeatures = new Set(['outcome']);

const days = (from: Date, to: Date) => Math.round(((to.getTime() - from.getTime()) / DAY_MS) * 10) / 10;

/** A custom attribute as the model reads it: dates become days since capture. */
function fieldValue(value: unknown, createdAt: Date): FeatureValue {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value !== 'string') return value === null || value === undefined ? null : JSON.stringify(value);
  const text = value.trim();
  if (isoDate.test(text)) {
    const date = new Date(text);
    if (!Number.isNaN(date.getTime())) return days(createdAt, date);
  }
  return text === '' ? null : text;
}

export function leadFeatureValues(lead: LeadFeatureSource): FeatureValues {
  const seniority = lead.title ? titleSeniority(lead.title).level : null;
  const values: FeatureValues = {
    channel: lead.channel,
    'utm.source': lead.utm?.source ?? null,
    'utm.medium': lead.utm?.medium ?? null,
    'utm.campaign': lead.utm?.campaign ?? null,
    region: lead.regionCode ? (regionByCode(lead.regionCode)?.provinceName ?? null) : null,
    industry: lead.industry,
    employees: lead.employees,
    seniority: seniority === 'unknown' ? null : seniority,
  };
  if (!lead.history) {
    for (const b of lead.behaviours) {
      values[`behaviour.${b.type}.count`] = b.count;
      values[`behaviour.${b.type}.daysSince`] = days(b.last, lead.cutoff);
    }
    for (const a of lead.activities) values[`activity.${a.type}.count`] = a.count;
  }
  for (const q of lead.answers) {
    for (const [key, answer] of Object.entries(q.answers)) {
      values[`answer.${q.framework}.${key}`] = fieldValue(answer, lead.createdAt);
    }
  }
  for (const [name, value] of Object.entries(lead.fields)) {
    if (!notFeatures.has(name)) values[`field.${name}`] = fieldValue(value, lead.createdAt);
  }
  return values;
}

/**
 * Zero, not missing, for the behaviour and touch counts a live lead simply does not have: every
 * count feature the training saw is filled in before encoding.
 */
export function fillAbsentCounts(values: FeatureValues, countFeatures: readonly string[], history: boolean): void {
  if (history) return;
  for (const name of countFeatures) if (values[name] === undefined) values[name] = 0;
}

export const isCountFeature = (name: string) =>
  (name.startsWith('behaviour.') || name.startsWith('activity.')) && name.endsWith('.count');
