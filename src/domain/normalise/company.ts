/**
 * Company names: a match key for de-duplication / CRM matching, and a tidy display form.
 *
 * The key makes the spellings of one company agree: 上海合约检查科技有限公司,
 * 上海合约检查科技股份有限公司 and 上海合約檢查科技有限公司 → 上海合约检查科技;
 * "Acme Co., Ltd.", "ACME Co.,Ltd" and "Ａｃｍｅ" → acme. It is only ever compared, never shown.
 *
 * Decisions:
 * - Legal-form suffixes are stripped from the end, repeatedly (…股份有限公司, "Co., Ltd."), see
 *   LEGAL_SUFFIXES_ZH / LEGAL_SUFFIXES_EN.
 * - 集团 is kept: "美的集团" (the group) and "美的" may be different entities, and wrongly merging
 *   two companies' leads is worse than leaving a duplicate for a person to merge.
 * - 分公司 (branch) is kept: a branch is its own customer.
 * - A bracketed part is dropped only when it is a country or region qualifier — (中国), (China),
 *   (上海), (Hong Kong); other bracketed text stays in the key (brackets themselves go), so
 *   西门子(中国)有限公司 and 西门子有限公司 match while 某某(集团) keeps 集团.
 * - All punctuation, symbols and whitespace are removed last, so "A.B.C." matches "ABC".
 */
import { isRegionName } from './region.js';
import { toSimplifiedChinese } from './simplified-chinese.js';
import { toHalfWidth } from './width.js';

// Longest first, so 股份有限公司 is not cut to …股份 by 有限公司.
const LEGAL_SUFFIXES_ZH = ['股份有限公司', '有限责任公司', '股份公司', '有限公司', '有限合伙', '普通合伙', '公司'];
const BRANCH = '分公司';

// Matched as whole words at the end, after punctuation became spaces: "co., ltd." → "co ltd" →
// "co" → "". Repetition handles combinations (Co., Ltd.; Company Limited; Pte. Ltd.).
const LEGAL_SUFFIXES_EN = [
  'co',
  'company',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'llc',
  'gmbh',
  'plc',
  'pte',
  'ag',
];
// The word must follow a space or a Han character (Acme有限公司 Ltd) — never part of a longer word.
const TRAILING_EN_SUFFIX = new RegExp(`(?<=[\\s\\p{Script=Han}])(?:${LEGAL_SUFFIXES_EN.join('|')})$`, 'u');

const COUNTRY_QUALIFIERS = new Set(['中国', '中国大陆', '大陆', 'china', 'prc', 'chinamainland', 'mainlandchina']);

// Innermost bracket pairs; half-width folding has already turned （） into ().
const BRACKETED = /[([【〔]([^()[\]【】〔〕]*)[)\]】〕]/g;

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

function isLocationQualifier(text: string): boolean {
  const compact = text.replace(NOT_LETTER_OR_DIGIT, '');
  return COUNTRY_QUALIFIERS.has(compact) || isRegionName(text);
}

function dropLocationQualifiers(name: string): string {
  return name.replace(BRACKETED, (_whole, inner: string) => (isLocationQualifier(inner) ? ' ' : ` ${inner} `));
}

/** Strips one legal-form suffix; returns the input unchanged when none applies. */
function stripOneLegalSuffix(name: string): string {
  if (name.endsWith(BRANCH)) return name;
  for (const suffix of LEGAL_SUFFIXES_ZH) {
    // A name that is nothing but a legal form (有限公司) stays as it is rather than shrinking to 有限.
    if (name.endsWith(suffix)) return name === suffix ? name : name.slice(0, -suffix.length).trimEnd();
  }
  const english = TRAILING_EN_SUFFIX.exec(name);
  return english ? name.slice(0, english.index).trimEnd() : name;
}

/** The key that decides whether two company names mean the same company. '' when nothing is left. */
export function companyMatchKey(name: string): string {
  let key = toSimplifiedChinese(toHalfWidth(name)).toLowerCase();
  key = dropLocationQualifiers(key).replace(NOT_LETTER_OR_DIGIT, ' ').trim();
  for (let stripped = stripOneLegalSuffix(key); stripped !== key; stripped = stripOneLegalSuffix(key)) {
    key = stripped;
  }
  return key.replace(NOT_LETTER_OR_DIGIT, '');
}

/** The name as stored for display: full-width ASCII folded, whitespace tidied, legal form kept. */
export function displayCompanyName(raw: string): string {
  return toHalfWidth(raw).replace(/\s+/g, ' ').trim();
}
