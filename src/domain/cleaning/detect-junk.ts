/**
 * Junk detection (SPEC §3 cleaning; issue 3 §6): leads that are not a real prospect — a test
 * entry (测试, test, asdf), keyboard mash, a number nobody answers (13333333333, 13800138000),
 * a mailbox nobody reads (test@test.com, a disposable address), or spam. Pure; each finding
 * carries a reason code of the disqualify taxonomy and a message a person understands.
 *
 * Thresholds, chosen to keep real people out of the bin:
 * - A junk name, a test company or spam text disqualifies on its own.
 * - A fake phone or e-mail disqualifies only when the lead has no other usable way to reach
 *   them; with a good phone beside a fake e-mail (or the reverse) it becomes a flag
 *   (JUNK:fake_email …) for the SDR to see.
 * - Names are matched whole or by Latin word, never by a Chinese character: 王测 is a person,
 *   测试科技 a company; only the word 测试 inside a name marks it.
 */
import { companyMatchKey } from '../normalise/company.js';
import { normaliseEmail } from '../normalise/email.js';
import { normalisePhone } from '../normalise/phone.js';
import { toHalfWidth } from '../normalise/width.js';
import type { CleaningLead } from './cleaning-lead.js';
import {
  disposableMailDomains,
  keyboardRows,
  knownFakeMobiles,
  reservedTopLevelDomains,
  spamNamePhrases,
  spamPhrases,
  testCompanies,
  testMailboxes,
  testMailDomains,
  testNames,
  testTokens,
} from './junk-words.js';

/** Reason codes junk detection gives (they must stay in the disqualify taxonomy). */
export const junkReasons = ['test_data', 'invalid_phone', 'spam'] as const;
export type JunkReason = (typeof junkReasons)[number];

export interface Bilingual {
  zh: string;
  en: string;
}

export interface JunkFinding {
  /** What was found: test_name, keyboard_mash, test_company, fake_phone, fake_email, disposable_email, spam_text. */
  check: string;
  reason: JunkReason;
  /** The lead field at fault (`fields.留言` for a custom attribute). */
  field: string;
  message: Bilingual;
}

export interface JunkVerdict {
  findings: JunkFinding[];
  /** Set when the findings are enough to disqualify: the reason and the findings that decided it. */
  disqualify: { reason: JunkReason; findings: JunkFinding[] } | null;
  /** Findings too weak to disqualify, as flags (JUNK:fake_email). */
  flags: string[];
}

export const JUNK_FLAG_PREFIX = 'JUNK:';

// Most telling first: spam says more than a test entry, a test entry more than a bad number.
const reasonOrder: readonly JunkReason[] = ['spam', 'test_data', 'invalid_phone'];

export function detectJunk(lead: CleaningLead): JunkVerdict {
  const nameFindings = lead.name ? checkName(lead.name) : [];
  const companyFindings = lead.company ? checkCompany(lead.company) : [];
  const spamFindings = checkSpam(lead);
  const phoneFindings = lead.phone ? checkPhone(lead.phone) : [];
  const emailFindings = lead.email ? checkEmail(lead.email) : [];

  const usablePhone = !!lead.phone && phoneFindings.length === 0;
  const usableEmail = !!lead.email && emailFindings.length === 0;
  const reachable = usablePhone || usableEmail;

  const deciding = [
    ...spamFindings,
    ...nameFindings,
    ...companyFindings,
    ...(reachable ? [] : [...phoneFindings, ...emailFindings]),
  ];
  const weak = reachable ? [...phoneFindings, ...emailFindings] : [];
  const findings = [...spamFindings, ...nameFindings, ...companyFindings, ...phoneFindings, ...emailFindings];
  if (deciding.length === 0) {
    return { findings, disqualify: null, flags: weak.map((f) => JUNK_FLAG_PREFIX + f.check) };
  }
  const reason = reasonOrder.find((r) => deciding.some((f) => f.reason === r)) as JunkReason;
  return { findings, disqualify: { reason, findings: deciding }, flags: [] };
}

/** Lower-case, width-folded, without spaces and punctuation: "Ｔｅｓｔ." → "test". */
function folded(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

const latinTokens = (text: string) =>
  toHalfWidth(text)
    .toLowerCase()
    .match(/[a-z]+/g) ?? [];

export function checkName(name: string): JunkFinding[] {
  const key = folded(name);
  const finding = (check: string, zh: string, en: string): JunkFinding[] => [
    { check, reason: 'test_data', field: 'name', message: { zh, en } },
  ];
  if (key === '' || /^\d+$/.test(key)) {
    return finding(
      'test_name',
      `姓名“${name}”不是人名（只有数字或符号）`,
      `name "${name}" has no letters: not a person's name`,
    );
  }
  if (testNames.has(key) || /^(test|测试)\d+$/.test(key)) {
    return finding('test_name', `姓名“${name}”是测试或占位填写`, `name "${name}" is a test or placeholder entry`);
  }
  if (key.includes('测试')) {
    return finding('test_name', `姓名“${name}”含“测试”`, `name "${name}" contains 测试 (test)`);
  }
  const tokens = latinTokens(name);
  const testToken = tokens.find((t) => testTokens.has(t));
  if (testToken) {
    return finding(
      'test_name',
      `姓名“${name}”含测试词“${testToken}”`,
      `name "${name}" contains the test word "${testToken}"`,
    );
  }
  const mash = tokens.find(isKeyboardMash);
  if (mash) {
    return finding(
      'keyboard_mash',
      `姓名“${name}”是乱敲键盘（${mash}）`,
      `name "${name}" is keyboard mash ("${mash}")`,
    );
  }
  // 哈哈哈, 啊啊啊: one character over and over (two is a real name: 王丽丽 ends in two).
  const chars = [...key];
  if (chars.length >= 3 && chars.every((c) => c === chars[0])) {
    return finding('keyboard_mash', `姓名“${name}”是同一个字重复`, `name "${name}" is one character repeated`);
  }
  return [];
}

/** 4+ letters along a keyboard row, 3+ of one letter in a row, or 5+ letters without a vowel. */
export function isKeyboardMash(token: string): boolean {
  if (/(.)\1\1/.test(token)) return true;
  if (token.length >= 5 && !/[aeiouyv]/.test(token)) return true;
  if (token.length < 4) return false;
  return keyboardRows.some((row) => row.includes(token) || [...row].reverse().join('').includes(token));
}

// Every test company starts with one of these; the match key (which folds scripts and legal
// suffixes, and is slow) is only worked out for names that do.
const testCompanyStarts = ['测试', '測試', 'test', 'asdf', 'qwer', 'xxx', '123'];

export function checkCompany(company: string): JunkFinding[] {
  const quick = folded(company);
  if (!testCompanyStarts.some((start) => quick.startsWith(start))) return [];
  const key = folded(companyMatchKey(company) || company);
  if (!testCompanies.has(key) && !/^(test|测试)\d+$/.test(key)) return [];
  return [
    {
      check: 'test_company',
      reason: 'test_data',
      field: 'company',
      message: { zh: `公司“${company}”是测试填写`, en: `company "${company}" is a test entry` },
    },
  ];
}

/**
 * Numbers nobody answers. `phone` is E.164 as stored (or raw, then normalised first).
 * Chinese mobiles: a well-known fake, or the 8 digits after the carrier prefix all one digit
 * (13333333333, 13900000000) or a run (13812345678, 13987654321). Any number: all one digit.
 * Landlines are not judged by their last digits: 021-88888888 is a real (bought) number.
 */
export function checkPhone(phone: string): JunkFinding[] {
  const fake = (en: string, zh: string): JunkFinding[] => [
    {
      check: 'fake_phone',
      reason: 'invalid_phone',
      field: 'phone',
      message: { zh: `电话 ${phone} ${zh}`, en: `phone ${phone} ${en}` },
    },
  ];
  const normalised =
    phone.startsWith('+') && /^\+\d+$/.test(phone) ? { ok: true as const, e164: phone } : normalisePhone(phone);
  if (!normalised.ok) return fake('is not a valid number', '不是有效号码');
  const national = normalised.e164.startsWith('+86') ? normalised.e164.slice(3) : normalised.e164.slice(1);
  if (/^(\d)\1+$/.test(national)) return fake('is one digit repeated', '是同一数字重复');
  if (!normalised.e164.startsWith('+86') || !/^1\d{10}$/.test(national)) return [];
  if (knownFakeMobiles.has(national)) return fake('is a well-known fake number', '是常见的假号码');
  const last8 = national.slice(3);
  if (/^(\d)\1{7}$/.test(last8)) return fake('ends in eight equal digits', '后八位是同一数字');
  if (isDigitRun(last8)) return fake(`ends in the run ${last8}`, `后八位是连号 ${last8}`);
  return [];
}

function isDigitRun(digits: string): boolean {
  const up = '01234567890';
  const down = '98765432109';
  return up.includes(digits) || down.includes(digits);
}

export function checkEmail(email: string): JunkFinding[] {
  const finding = (check: string, reason: JunkReason, zh: string, en: string): JunkFinding[] => [
    { check, reason, field: 'email', message: { zh: `邮箱 ${email} ${zh}`, en: `e-mail ${email} ${en}` } },
  ];
  // Stored addresses are normalised already (lower-case, one @): only others are normalised here.
  const stored = /^[^@\sA-Z]+@[^@\sA-Z]+\.[^@\sA-Z]+$/.test(email);
  const normalised = stored ? { ok: true as const, email } : normaliseEmail(email);
  if (!normalised.ok) return finding('fake_email', 'test_data', '不是有效邮箱', 'is not a valid address');
  const address = normalised.email;
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  const labels = domain.split('.');
  if (disposableMailDomains.has(domain) || disposableMailDomains.has(labels.slice(-2).join('.'))) {
    return finding('disposable_email', 'spam', '是一次性临时邮箱', 'is a disposable mailbox');
  }
  if (testMailDomains.has(domain) || reservedTopLevelDomains.has(labels[labels.length - 1])) {
    return finding(
      'fake_email',
      'test_data',
      '的域名不收邮件（测试/示例域名）',
      'is at a test or example domain nobody receives mail at',
    );
  }
  if (testMailboxes.has(local)) return finding('fake_email', 'test_data', '是测试邮箱', 'is a test mailbox');
  if (local.length === 1 && labels[0].length === 1)
    return finding('fake_email', 'test_data', '是随手填写的邮箱', 'is a made-up address');
  return [];
}

/** Spam phrases anywhere in the lead's text; a web address or "加微信" where a name should be. */
export function checkSpam(lead: CleaningLead): JunkFinding[] {
  const texts: [field: string, text: string][] = [];
  for (const field of ['name', 'company', 'title'] as const) {
    const value = lead[field];
    if (value) texts.push([field, value]);
  }
  for (const [key, value] of Object.entries(lead.fields)) {
    if (typeof value === 'string' && value) texts.push([`fields.${key}`, value.slice(0, 2000)]);
  }
  for (const [field, text] of texts) {
    const lower = toHalfWidth(text).toLowerCase();
    const phrases = field === 'name' || field === 'company' ? [...spamPhrases, ...spamNamePhrases] : spamPhrases;
    const phrase = phrases.find((p) => lower.includes(p));
    if (phrase) return [spam(field, `含垃圾广告词“${phrase}”`, `contains the spam phrase "${phrase}"`)];
  }
  for (const field of ['name', 'company'] as const) {
    const value = lead[field];
    if (!value) continue;
    const lower = toHalfWidth(value).toLowerCase();
    if (/https?:\/\/|www\./.test(lower) || (field === 'name' && /\.(com|cn|net|top|xyz|vip)\b/.test(lower))) {
      return [spam(field, '是网址', 'is a web address')];
    }
    if (field === 'name' && /(加|\+)\s*(微信|v信|vx|wx|qq|薇)/.test(lower)) {
      return [spam(field, '是加好友广告', 'is an add-me advert')];
    }
  }
  return [];
}

function spam(field: string, zh: string, en: string): JunkFinding {
  const label = field.startsWith('fields.') ? field.slice('fields.'.length) : field;
  return { check: 'spam_text', reason: 'spam', field, message: { zh: `${label}${zh}`, en: `${label} ${en}` } };
}
