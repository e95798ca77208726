/**
 * Rows of the company directory the customer loads (SPEC §3: "a built-in company-directory
 * provider (CSV/JSON file the customer loads)"): name, aliases, unified social credit code,
 * industry, employees, registered capital, city, website, funding round. A row is checked as a
 * whole and comes back with its match keys, or with the problems naming its fields.
 */
import { parseEmployeeCount } from '../capture/employee-count.js';
import type { FieldError } from '../errors.js';
import { companyMatchKey, displayCompanyName } from '../normalise/company.js';
import { normaliseCreditCode } from './credit-code.js';

export interface DirectoryCompany {
  name: string;
  /** companyMatchKey(name): the same key leads get, so 某某科技有限公司 finds 某某科技股份有限公司. */
  nameKey: string;
  aliases: string[];
  aliasKeys: string[];
  creditCode: string | null;
  industry: string | null;
  employees: number | null;
  /** The band as written when employees came as one ("100-499人"); employees is its lower bound. */
  employeeBand: string | null;
  registeredCapital: string | null;
  city: string | null;
  website: string | null;
  fundingRound: string | null;
}

export const directoryKeys = [
  'name',
  'aliases',
  'creditCode',
  'industry',
  'employees',
  'registeredCapital',
  'city',
  'website',
  'fundingRound',
] as const;
type DirectoryKey = (typeof directoryKeys)[number];

// CSV headers as Chinese business-data exports (企查查, 天眼查) and people write them.
const headerNames: Record<DirectoryKey, readonly string[]> = {
  name: ['name', 'company', 'companyname', '公司名称', '企业名称', '公司', '名称', '企业'],
  aliases: ['aliases', 'alias', '别名', '简称', '曾用名', '英文名'],
  creditCode: ['creditcode', 'unifiedsocialcreditcode', '统一社会信用代码', '信用代码', '社会信用代码'],
  industry: ['industry', '行业', '所属行业'],
  employees: ['employees', 'staff', 'staffsize', '员工数', '员工人数', '人员规模', '参保人数', '规模'],
  registeredCapital: ['registeredcapital', 'capital', '注册资本'],
  city: ['city', 'region', '城市', '所在城市', '地区', '所属地区', '所属城市'],
  website: ['website', 'url', '官网', '网站', '网址'],
  fundingRound: ['fundinground', 'funding', '融资轮次', '融资阶段', '融资'],
};
const keyOfHeader = new Map<string, DirectoryKey>(
  Object.entries(headerNames).flatMap(([key, names]) => names.map((n) => [n, key as DirectoryKey] as const)),
);

/** The directory column a CSV header names, or undefined for a column the directory does not keep. */
export function directoryKeyForHeader(header: string): DirectoryKey | undefined {
  return keyOfHeader.get(header.replace(/[\s_\-()（）]/g, '').toLowerCase());
}

const ALIAS_SEPARATORS = /[;；|、\n]+/;
const MAX_TEXT = 500;

/**
 * One directory row (a JSON object, or a CSV row already keyed by directoryKeyForHeader).
 * `at` prefixes the fields of its errors: "[3]" for the 4th JSON item, "rows[5]" for CSV row 5.
 */
export function parseDirectoryEntry(
  raw: unknown,
  at: string,
  options: { strict: boolean },
): { ok: true; company: DirectoryCompany } | { ok: false; errors: FieldError[] } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      errors: [{ field: at, message: 'must be an object with at least a name', messageZh: '须为至少带 name 的对象' }],
    };
  }
  const row = raw as Record<string, unknown>;
  const errors: FieldError[] = [];
  const fail = (key: string, message: string, messageZh: string) =>
    errors.push({ field: `${at}.${key}`, message, messageZh });
  if (options.strict)
    for (const key of Object.keys(row))
      if (!(directoryKeys as readonly string[]).includes(key)) fail(key, 'is not a known field', '不是已知字段');

  const text = (key: DirectoryKey): string | null => {
    const value = row[key];
    if (value === undefined || value === null) return null;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value !== 'string') {
      fail(key, 'must be text', '须为文本');
      return null;
    }
    const t = value.replace(/\s+/g, ' ').trim();
    if (t.length > MAX_TEXT) {
      fail(key, `is longer than ${MAX_TEXT} characters`, `超过 ${MAX_TEXT} 个字符`);
      return null;
    }
    return t || null;
  };

  const name = text('name');
  const displayName = name ? displayCompanyName(name) : '';
  const nameKey = displayName ? companyMatchKey(displayName) : '';
  if (!name) fail('name', 'is required', '必填');
  else if (!nameKey) fail('name', 'has no letters or digits to match on', '没有可用于匹配的文字或数字');

  let aliases: string[] = [];
  const rawAliases = row.aliases;
  if (Array.isArray(rawAliases)) {
    if (rawAliases.every((a) => typeof a === 'string')) aliases = rawAliases as string[];
    else fail('aliases', 'must be a list of names', '须为名称列表');
  } else if (typeof rawAliases === 'string') aliases = rawAliases.split(ALIAS_SEPARATORS);
  else if (rawAliases !== undefined && rawAliases !== null)
    fail('aliases', 'must be a list of names or text separated by ;', '须为名称列表，或用 ; 分隔的文本');
  aliases = [...new Set(aliases.map((a) => displayCompanyName(a)).filter(Boolean))];
  if (aliases.some((a) => a.length > MAX_TEXT)) {
    fail('aliases', `an alias is longer than ${MAX_TEXT} characters`, `有别名超过 ${MAX_TEXT} 个字符`);
  }
  const aliasKeys = [...new Set(aliases.map(companyMatchKey).filter((k) => k && k !== nameKey))];

  const codeText = text('creditCode');
  const creditCode = codeText ? normaliseCreditCode(codeText) : null;
  if (codeText && !creditCode) {
    fail(
      'creditCode',
      `"${codeText}" is not a unified social credit code (18 characters)`,
      `“${codeText}”不是统一社会信用代码（18 位）`,
    );
  }

  let employees: number | null = null;
  let employeeBand: string | null = null;
  const rawEmployees = row.employees;
  if (typeof rawEmployees === 'number') {
    if (Number.isInteger(rawEmployees) && rawEmployees >= 0 && rawEmployees <= 2_000_000_000) employees = rawEmployees;
    else fail('employees', 'must be a whole number, 0 or more', '须为不小于 0 的整数');
  } else if (typeof rawEmployees === 'string' && rawEmployees.trim()) {
    const parsed = parseEmployeeCount(rawEmployees);
    if (!parsed || parsed.count > 2_000_000_000) {
      fail('employees', `"${rawEmployees}" is not a number of employees`, `“${rawEmployees}”不是有效的员工人数`);
    } else {
      employees = parsed.count;
      if (parsed.band) employeeBand = rawEmployees.trim();
    }
  } else if (rawEmployees !== undefined && rawEmployees !== null && rawEmployees !== '') {
    fail('employees', 'must be a number or a band like "100-499人"', '须为数字或“100-499人”这样的区间');
  }

  const company: DirectoryCompany = {
    name: displayName,
    nameKey,
    aliases,
    aliasKeys,
    creditCode,
    industry: text('industry'),
    employees,
    employeeBand,
    registeredCapital: text('registeredCapital'),
    city: text('city'),
    website: text('website'),
    fundingRound: text('fundingRound'),
  };
  return errors.length ? { ok: false, errors } : { ok: true, company };
}

/**
 * Two rows with one credit code are one company listed twice: the load is refused naming both,
 * rather than letting the file's order decide which facts a lead gets.
 */
export function duplicateCreditCodes(rows: readonly { at: string; company: DirectoryCompany }[]): FieldError[] {
  const seen = new Map<string, string>();
  const errors: FieldError[] = [];
  for (const { at, company } of rows) {
    if (!company.creditCode) continue;
    const first = seen.get(company.creditCode);
    if (first)
      errors.push({
        field: `${at}.creditCode`,
        message: `${company.creditCode} is also the code of ${first}`,
        messageZh: `${company.creditCode} 也是 ${first} 的代码`,
      });
    else seen.set(company.creditCode, at);
  }
  return errors;
}
