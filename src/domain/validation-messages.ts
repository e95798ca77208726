/**
 * The words of a schema validation error in English and Chinese (issue 8, bad input): the
 * English is zod's message (or ours where the schema wrote one); the Chinese is worded here from
 * the zod 4 issue's code and params, so every 400 from a schema names the fault in both languages.
 */
import type { FieldWords } from './errors.js';
import { planMessages } from './planning/capacity-plan.js';

/** The zod 4 issue fields the wording reads: a ZodIssue, or fastify-type-provider-zod's params with code and message. */
export interface ValidationIssue {
  code: string;
  message?: string;
  expected?: string;
  origin?: string;
  minimum?: number | bigint | string;
  maximum?: number | bigint | string;
  inclusive?: boolean;
  exact?: boolean;
  format?: string;
  prefix?: string;
  suffix?: string;
  includes?: string;
  divisor?: number | bigint;
  values?: readonly unknown[];
  /** A custom issue may carry its own Chinese: `ctx.addIssue({ code: 'custom', message, params: { messageZh } })`. */
  params?: { messageZh?: string };
}

/**
 * The Chinese of the English messages our schemas write where zod has no params to word them
 * from (patterns, or a message shared with the domain's own check).
 */
const zhOfSchemaMessage: Record<string, string> = {
  ...Object.fromEntries(Object.values(planMessages).map((w) => [w.message, w.messageZh])),
  'must be 2–40 of a-z, 0-9 and _, starting with a letter': '应为 2–40 个小写字母、数字或 _，以字母开头',
  'may hold letters, digits and _ . : - only': '只能包含字母、数字和 _ . : -',
  'is not a month as yyyy-mm (e.g. 2026-03)': '不是 yyyy-mm 格式的月份（如 2026-03）',
  'must be a month as yyyy-mm': '应为 yyyy-mm 格式的月份',
  'must be an ISO 4217 code in capitals, such as CNY': '应为大写的 ISO 4217 货币代码，如 CNY',
};

const typeZh: Record<string, string> = {
  string: '应为文本',
  number: '应为数字',
  int: '应为整数',
  bigint: '应为整数',
  boolean: '应为 true 或 false',
  array: '应为列表',
  object: '应为对象',
  record: '应为对象',
  date: '应为日期',
};

const formatZh: Record<string, string> = {
  email: '不是有效的邮箱地址',
  url: '不是有效的网址',
  uuid: '不是有效的 UUID',
  guid: '不是有效的 UUID',
  datetime: '不是有效的 ISO 日期时间（如 2026-03-01T08:00:00Z）',
  date: '不是有效的日期（yyyy-mm-dd）',
  time: '不是有效的时间（hh:mm:ss）',
  duration: '不是有效的 ISO 时长',
  ipv4: '不是有效的 IPv4 地址',
  ipv6: '不是有效的 IPv6 地址',
};

/** Whether zod reports a field that is absent (it words that as "expected …, received undefined"). */
function isMissing(issue: ValidationIssue): boolean {
  return issue.code === 'invalid_type' && /received undefined/.test(issue.message ?? '');
}

function unitOf(origin: string | undefined): string {
  if (origin === 'string') return ' 个字符';
  if (origin === 'array' || origin === 'set') return ' 项';
  if (origin === 'file') return ' 字节';
  return '';
}

function tooSmallZh(issue: ValidationIssue): string {
  const n = String(issue.minimum);
  const unit = unitOf(issue.origin);
  if (issue.origin === 'string' && n === '1') return '必填';
  if ((issue.origin === 'array' || issue.origin === 'set') && n === '1') return '至少要有一项';
  if (issue.exact) return `应为 ${n}${unit}`;
  if (unit) return issue.inclusive === false ? `应多于 ${n}${unit}` : `至少 ${n}${unit}`;
  if (issue.origin === 'date') return `不能早于 ${n}`;
  return issue.inclusive === false ? `应大于 ${n}` : `不能小于 ${n}`;
}

function tooBigZh(issue: ValidationIssue): string {
  const n = String(issue.maximum);
  const unit = unitOf(issue.origin);
  if (issue.exact) return `应为 ${n}${unit}`;
  if (unit) return issue.inclusive === false ? `应少于 ${n}${unit}` : `最多 ${n}${unit}`;
  if (issue.origin === 'date') return `不能晚于 ${n}`;
  return issue.inclusive === false ? `应小于 ${n}` : `不能大于 ${n}`;
}

function formatOf(issue: ValidationIssue): string {
  if (issue.format === 'starts_with') return `应以“${issue.prefix}”开头`;
  if (issue.format === 'ends_with') return `应以“${issue.suffix}”结尾`;
  if (issue.format === 'includes') return `应包含“${issue.includes}”`;
  return formatZh[issue.format ?? ''] ?? '格式不对';
}

function valuesZh(values: readonly unknown[]): string {
  const shown = values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return shown.length === 1 ? `应为 ${shown[0]}` : `应为以下之一：${shown.join('、')}`;
}

/** The issue in Chinese. */
export function validationMessageZh(issue: ValidationIssue): string {
  const written = issue.message === undefined ? undefined : zhOfSchemaMessage[issue.message];
  if (written) return written;
  switch (issue.code) {
    case 'invalid_type':
      if (isMissing(issue)) return '必填';
      if (/received null/.test(issue.message ?? '')) return '不能为空';
      return typeZh[issue.expected ?? ''] ?? `类型不对（应为 ${issue.expected}）`;
    case 'too_small':
      return tooSmallZh(issue);
    case 'too_big':
      return tooBigZh(issue);
    case 'invalid_format':
      return formatOf(issue);
    case 'invalid_value':
      return valuesZh(issue.values ?? []);
    case 'not_multiple_of':
      return `应为 ${issue.divisor} 的倍数`;
    case 'unrecognized_keys':
      return '不是已知字段';
    case 'invalid_union':
      return '不符合任何允许的形式';
    case 'invalid_key':
      return '含有无效的键';
    case 'invalid_element':
      return '含有无效的元素';
    case 'custom':
      return issue.params?.messageZh ?? '无效';
    default:
      return '无效';
  }
}

/** The issue's message in both languages, as a field error shows it. */
export function validationWords(issue: ValidationIssue): FieldWords {
  const message =
    issue.code === 'unrecognized_keys'
      ? 'is not a known field'
      : isMissing(issue)
        ? 'is required'
        : (issue.message ?? 'is invalid');
  return { message, messageZh: validationMessageZh(issue) };
}
