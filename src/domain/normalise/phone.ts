/**
 * Phone numbers → E.164, the form leads are de-duplicated and dialled on.
 *
 * Chinese numbers are the default (no prefix needed); foreign numbers need an international
 * prefix (+44 …, 0044 …). Validity is libphonenumber's "max" metadata, which knows the real
 * number ranges, so 12-digit "mobiles" or unassigned prefixes are rejected.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { toHalfWidth } from './width.js';

export type PhoneResult = { ok: true; e164: string } | { ok: false; message: string; messageZh: string };

const DEFAULT_COUNTRY = 'CN';

// Hyphen, dashes and minus sign that Chinese IMEs and word processors put between digit groups.
const DASH_LIKE = /[\u2010-\u2015\u2212\u30fc]/g;

// Only digits and the separators people write between digit groups. Anything else (letters,
// "转" extensions, a slash between two numbers) would make libphonenumber guess at a number
// hidden in free text, so it is refused instead.
// A leading "(+86)" is common in Chinese business cards and signatures.
const PHONE_SHAPE = /^\(?\+?[\d\s\-.()]+$/;

export function normalisePhone(raw: string): PhoneResult {
  const text = toHalfWidth(raw).replace(DASH_LIKE, '-').trim();
  if (text === '') return { ok: false, message: 'phone number is empty', messageZh: '电话号码为空' };
  if (!PHONE_SHAPE.test(text))
    return { ok: false, message: 'not a valid phone number', messageZh: '不是有效的电话号码' };

  const parsed = parsePhoneNumberFromString(text, DEFAULT_COUNTRY);
  if (!parsed?.isValid()) return { ok: false, message: 'not a valid phone number', messageZh: '不是有效的电话号码' };
  return { ok: true, e164: parsed.number };
}
