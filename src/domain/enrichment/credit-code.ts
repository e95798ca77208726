/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, digits and
 * upper-case letters without I, O, S, V and Z. Codes are compared in this normalised form;
 * the check digit is not verified, so a code that is well-formed but mistyped simply matches
 * nothing rather than being refused with the rest of a directory.
 */
import { toHalfWidth } from '../normalise/width.js';

const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The code in its compared form, or null when the text is not a credit code. */
export function normaliseCreditCode(raw: string): string | null {
  const code = toHalfWidth(raw)
    .replace(/[\s-]+/g, '')
    .toUpperCase();
  return CREDIT_CODE.test(code) ? code : null;
}

/** Keys of lead.fields that may carry the code: ours, and the headers imports keep as written. */
export const creditCodeFieldKeys = [
  'creditCode',
  'credit_code',
  'unifiedSocialCreditCode',
  '统一社会信用代码',
  '信用代码',
];
export const websiteFieldKeys = ['website', '官网', '网站', '网址'];

/** The first non-empty text value of these keys in a lead's fields. */
export function fieldText(fields: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = fields[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
    if (typeof value === 'number') return String(value);
  }
  return null;
}
