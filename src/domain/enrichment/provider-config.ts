/**
 * Enrichment providers as data (SPEC §3 "providers are pluggable"): the chain is an ordered
 * list of configured providers, the built-in directory first by default. An HTTP JSON provider
 * is a URL template, headers (often an API key) and a field map into the answer.
 *
 * Header values are treated as secrets: they are shown back only masked, and sending the
 * masked text back (an edit of something else) keeps the stored value.
 */
import type { FieldError, FieldWords } from '../errors.js';
import { checkFieldMap, type FieldMap } from './answer-mapping.js';
import { checkUrlTemplate } from './url-template.js';

export const providerKinds = ['directory', 'http_json'] as const;
export type ProviderKind = (typeof providerKinds)[number];

export const directoryProviderId = 'directory';
export const providerIdPattern = /^[a-z][a-z0-9_-]{1,39}$/;

export interface HttpJsonSettings {
  urlTemplate: string;
  headers: Record<string, string>;
  fieldMap: FieldMap;
}

export interface ProviderConfig {
  id: string;
  kind: ProviderKind;
  enabled: boolean;
  order: number;
  timeoutMs: number;
  /** Present for http_json. */
  http: HttpJsonSettings | null;
}

export const defaultTimeoutMs = 3000;
export const maxTimeoutMs = 30_000;

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const RESERVED_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding']);

const requiredForHttpJson: FieldWords = {
  message: 'is required for an http_json provider',
  messageZh: 'http_json 类型的数据源必填',
};

/** Problems with an HTTP JSON provider's settings, each naming its field. */
export function checkHttpJsonSettings(settings: {
  urlTemplate?: unknown;
  headers?: Record<string, unknown>;
  fieldMap?: Record<string, unknown>;
}): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof settings.urlTemplate !== 'string' || !settings.urlTemplate.trim()) {
    errors.push({ field: 'urlTemplate', ...requiredForHttpJson });
  } else errors.push(...checkUrlTemplate(settings.urlTemplate));
  if (settings.fieldMap === undefined) errors.push({ field: 'fieldMap', ...requiredForHttpJson });
  else errors.push(...checkFieldMap(settings.fieldMap));
  for (const [name, value] of Object.entries(settings.headers ?? {})) {
    const field = `headers.${name}`;
    if (!HEADER_NAME.test(name)) {
      errors.push({ field, message: 'is not a valid header name', messageZh: '不是有效的请求头名称' });
    } else if (RESERVED_HEADERS.has(name.toLowerCase())) {
      errors.push({
        field,
        message: 'is set by the HTTP client itself',
        messageZh: '由 HTTP 客户端自动设置，不能自定义',
      });
    } else if (typeof value !== 'string' || /[\r\n]/.test(value) || value.includes('\u0000')) {
      errors.push({ field, message: 'must be text on one line', messageZh: '须为单行文本' });
    }
  }
  return errors;
}

/** A secret as shown back: its last four characters when it is long enough to keep them private. */
export function maskSecret(value: string): string {
  return value.length >= 12 ? `****${value.slice(-4)}` : '****';
}

/**
 * Headers to store after an edit: a value sent back exactly as it was shown (masked) keeps
 * the stored secret; anything else replaces it; a header left out is removed.
 */
export function keepMaskedSecrets(
  incoming: Record<string, string>,
  stored: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(incoming).map(([name, value]) => {
      const before = stored[name];
      return [name, before !== undefined && value === maskSecret(before) ? before : value];
    }),
  );
}
