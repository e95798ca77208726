/**
 * How one raw feature value reads: missing, a number, a yes/no, or a category. Shared by the
 * encoder (which infers each feature's type from the training values) and prediction (which
 * reads new values the same way), so a value means the same thing in both.
 */
import type { FeatureValue } from './examples.js';

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const YES = new Set(['true', 'yes', 'y', '是']);
const NO = new Set(['false', 'no', 'n', '否']);

/** null, undefined, NaN and blank strings are missing. */
export function isMissing(value: FeatureValue): value is null | undefined | '' {
  if (value === null || value === undefined) return true;
  if (typeof value === 'number') return Number.isNaN(value);
  if (typeof value === 'string') return value.trim() === '';
  return false;
}

/** A finite number, or a string that is one (`"12"`, `" 3.5 "`); otherwise undefined. */
export function readNumber(value: FeatureValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') {
    const text = value.trim();
    return NUMBER.test(text) ? Number(text) : undefined;
  }
  return undefined;
}

/** A boolean, or true/false/yes/no/y/n/是/否 in any case; otherwise undefined. */
export function readYesNo(value: FeatureValue): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (YES.has(text)) return true;
    if (NO.has(text)) return false;
  }
  return undefined;
}

/** The level a categorical value stands for. */
export function readLevel(value: string | number | boolean): string {
  return typeof value === 'string' ? value.trim() : String(value);
}
