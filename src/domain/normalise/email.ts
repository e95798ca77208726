/**
 * E-mail addresses → lower-case canonical form, the form leads are de-duplicated on.
 *
 * Lower-casing the local part is technically lossy (RFC 5321 lets servers treat it as
 * case-sensitive) but no mainstream provider does, and matching Zhang@QQ.com with zhang@qq.com
 * is what de-duplication needs.
 */
import { toHalfWidth } from './width.js';

export type EmailResult = { ok: true; email: string } | { ok: false; message: string; messageZh: string };

// Chinese IMEs type the ideographic full stop when people mean the dot in "qq.com".
const IDEOGRAPHIC_FULL_STOP = /\u3002/g;

// Unquoted "dot-atom" local part: the printable characters RFC 5322 allows, dots only between them.
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
// Host name labels: letters, digits, inner hyphens.
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// Top-level domain: letters, or an IDN A-label (xn--…). Digits-only would be an IP address.
const TOP_LEVEL_DOMAIN = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

const MAX_LOCAL_LENGTH = 64;
const MAX_ADDRESS_LENGTH = 254;

const INVALID: EmailResult = { ok: false, message: 'not a valid e-mail address', messageZh: '不是有效的邮箱地址' };

export function normaliseEmail(raw: string): EmailResult {
  const email = toHalfWidth(raw).replace(IDEOGRAPHIC_FULL_STOP, '.').trim().toLowerCase();
  if (email === '') return { ok: false, message: 'e-mail address is empty', messageZh: '邮箱地址为空' };
  if (email.length > MAX_ADDRESS_LENGTH) return INVALID;

  const at = email.lastIndexOf('@');
  if (at <= 0) return INVALID;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);

  if (local.length > MAX_LOCAL_LENGTH || !LOCAL_PART.test(local)) return INVALID;

  const labels = domain.split('.');
  if (labels.length < 2) return INVALID;
  if (!labels.every((label) => DOMAIN_LABEL.test(label))) return INVALID;
  if (!TOP_LEVEL_DOMAIN.test(labels[labels.length - 1])) return INVALID;

  return { ok: true, email };
}
