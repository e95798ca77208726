/**
 * URL templates of the generic HTTP JSON provider: "https://api.example.cn/company?name={company}&code={creditCode}".
 * A placeholder is replaced by the lead's value, URL-encoded (a missing value becomes empty),
 * so a company name with & or spaces cannot break the query. Only http(s) URLs are allowed.
 */
import type { FieldError } from '../errors.js';
import type { CompanyQuery } from './company-facts.js';

export const placeholders = [
  'company',
  'companyKey',
  'creditCode',
  'website',
] as const satisfies readonly (keyof CompanyQuery)[];
export type Placeholder = (typeof placeholders)[number];

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Problems with a template, each naming `field` (the config key it came from). */
export function checkUrlTemplate(template: string, field = 'urlTemplate'): FieldError[] {
  const errors: FieldError[] = [];
  const used = [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
  for (const name of used) {
    if (!(placeholders as readonly string[]).includes(name)) {
      errors.push({
        field,
        message: `unknown placeholder {${name}} (allowed: ${placeholders.map((p) => `{${p}}`).join(', ')})`,
        messageZh: `未知的占位符 {${name}}（可用：${placeholders.map((p) => `{${p}}`).join('、')}）`,
      });
    }
  }
  if (errors.length) return errors;
  const stray = template.replace(PLACEHOLDER, '').match(/[{}]/);
  if (stray) return [{ field, message: `has an unmatched "${stray[0]}"`, messageZh: `有未配对的“${stray[0]}”` }];
  if (used.length === 0) {
    return [
      {
        field,
        message: `names no company: use at least one of ${placeholders.map((p) => `{${p}}`).join(', ')}`,
        messageZh: `没有指明公司：请至少使用 ${placeholders.map((p) => `{${p}}`).join('、')} 中的一个`,
      },
    ];
  }
  let url: URL;
  try {
    url = new URL(template.replace(PLACEHOLDER, 'x'));
  } catch {
    return [{ field, message: 'is not an absolute URL', messageZh: '不是完整的网址' }];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return [
      {
        field,
        message: `must be an http or https URL, not ${url.protocol}`,
        messageZh: `须为 http 或 https 网址，不能是 ${url.protocol}`,
      },
    ];
  }
  if (url.username || url.password) {
    return [
      {
        field,
        message: 'may not carry credentials: put them in headers, which are never shown back',
        messageZh: '不能包含账号密码：请放在请求头中（请求头不会回显）',
      },
    ];
  }
  return [];
}

/** The URL for one lead. The template must have passed checkUrlTemplate. */
export function expandUrlTemplate(template: string, query: CompanyQuery): string {
  return template.replace(PLACEHOLDER, (_whole, name: Placeholder) => encodeURIComponent(query[name] ?? ''));
}
