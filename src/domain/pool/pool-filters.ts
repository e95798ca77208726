/**
 * Filters over the pool (SPEC §7 segments = saved filters): the same shape in a query string,
 * in a saved segment and in its export, so a segment always means what GET /pool showed.
 */
import type { FieldError } from '../errors.js';

export interface PoolFilters {
  channel?: string;
  /** A region name or GB/T 2260 code; a province matches its cities. */
  region?: string;
  industry?: string;
  minScore?: number;
  maxScore?: number;
  /** Every one of these tags. */
  tags?: string[];
  /** Name or company contains. */
  q?: string;
  /** true: leads that re-surfaced from the pool and wait unclaimed in the SDR queue. */
  resurfaced?: boolean;
}

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;

export function checkPoolFilters(f: PoolFilters, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  if (f.minScore !== undefined && f.maxScore !== undefined && f.minScore > f.maxScore) {
    errors.push({
      field: `${prefix}maxScore`,
      message: `must be at least minScore (${f.minScore})`,
      messageZh: `不能小于 minScore（${f.minScore}）`,
    });
  }
  return errors;
}

/** Segment filters given again in a query win over the saved ones, field by field. */
export function mergeFilters(saved: PoolFilters, given: PoolFilters): PoolFilters {
  const merged: PoolFilters = { ...saved };
  for (const [key, value] of Object.entries(given)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

/**
 * Tags as people type them: trimmed, duplicates dropped (ignoring case), at most MAX_TAGS of at
 * most MAX_TAG_LENGTH characters, no commas (a query string lists tags with commas).
 */
export function normaliseTags(
  tags: readonly string[],
  field = 'tags',
): { ok: true; tags: string[] } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const out: string[] = [];
  tags.forEach((raw, i) => {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (!tag) errors.push({ field: `${field}[${i}]`, message: 'must not be empty', messageZh: '不能为空' });
    else if (tag.length > MAX_TAG_LENGTH)
      errors.push({
        field: `${field}[${i}]`,
        message: `must be at most ${MAX_TAG_LENGTH} characters`,
        messageZh: `最多 ${MAX_TAG_LENGTH} 个字符`,
      });
    else if (tag.includes(','))
      errors.push({ field: `${field}[${i}]`, message: 'must not contain a comma', messageZh: '不能包含逗号' });
    else if (!seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      out.push(tag);
    }
  });
  if (out.length > MAX_TAGS)
    errors.push({ field, message: `at most ${MAX_TAGS} tags per lead`, messageZh: `每条线索最多 ${MAX_TAGS} 个标签` });
  return errors.length ? { ok: false, errors } : { ok: true, tags: out };
}
