/**
 * Reading company facts out of a business-data API's JSON answer with a field map of dot
 * paths: {industry: "data.industry", employees: "data.staff_size", city: "data.items.0.city"}.
 * Values are coerced to the fact's type; a value that does not fit (an object where text is
 * wanted, a head count that is no number) is left out rather than guessed.
 */
import { parseEmployeeCount } from '../capture/employee-count.js';
import type { FieldError } from '../errors.js';
import { type CompanyFacts, type FactField, factFields, isFactField } from './company-facts.js';
import { normaliseCreditCode } from './credit-code.js';

export type FieldMap = Partial<Record<FactField, string>>;

const SEGMENT = /^[^.\s]+$/;

/** Problems with a field map, each naming `fieldMap.<target>`. */
export function checkFieldMap(map: Record<string, unknown>, field = 'fieldMap'): FieldError[] {
  const errors: FieldError[] = [];
  const entries = Object.entries(map);
  if (entries.length === 0)
    errors.push({
      field,
      message: `maps nothing: name at least one of ${factFields.join(', ')}`,
      messageZh: `没有任何映射：请至少指定 ${factFields.join('、')} 中的一项`,
    });
  for (const [target, path] of entries) {
    if (!isFactField(target)) {
      errors.push({
        field: `${field}.${target}`,
        message: `is not a company fact (${factFields.join(', ')})`,
        messageZh: `不是公司信息字段（可用：${factFields.join('、')}）`,
      });
    } else if (typeof path !== 'string' || path.length > 200 || !path.split('.').every((s) => SEGMENT.test(s))) {
      errors.push({
        field: `${field}.${target}`,
        message: 'must be a dot path into the answer, e.g. "data.industry" or "data.items.0.city"',
        messageZh: '须为指向返回内容的点路径，如“data.industry”或“data.items.0.city”',
      });
    }
  }
  return errors;
}

/** The value at a dot path; numeric segments index arrays. Undefined when the path leads nowhere. */
export function valueAtPath(root: unknown, path: string): unknown {
  let at: unknown = root;
  for (const segment of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    if (Array.isArray(at)) {
      if (!/^\d+$/.test(segment)) return undefined;
      at = at[Number(segment)];
    } else {
      if (!Object.hasOwn(at, segment)) return undefined;
      at = (at as Record<string, unknown>)[segment];
    }
  }
  return at;
}

const asText = (value: unknown): string | undefined => {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s+/g, ' ').trim();
  return text && text.length <= 500 ? text : undefined;
};

/** Facts from one raw value per fact (directory rows and mapped API answers share this). */
export function factsFromValues(values: Partial<Record<FactField, unknown>>): CompanyFacts {
  const facts: CompanyFacts = {};
  for (const field of ['industry', 'website', 'city', 'registeredCapital', 'fundingRound'] as const) {
    const text = asText(values[field]);
    if (text) facts[field] = text;
  }
  const code = asText(values.creditCode);
  const normalised = code ? normaliseCreditCode(code) : null;
  if (normalised) facts.creditCode = normalised;
  const employees = values.employees;
  if (typeof employees === 'number' && Number.isInteger(employees) && employees >= 0) facts.employees = employees;
  else if (typeof employees === 'string') {
    const parsed = parseEmployeeCount(employees);
    if (parsed) {
      facts.employees = parsed.count;
      if (parsed.band) facts.employeeBand = employees.trim();
    }
  }
  return facts;
}

/** Facts read from an answer through the field map; null when the map finds nothing. */
export function mapAnswer(answer: unknown, map: FieldMap): CompanyFacts | null {
  const values: Partial<Record<FactField, unknown>> = {};
  for (const [target, path] of Object.entries(map) as [FactField, string][]) values[target] = valueAtPath(answer, path);
  const facts = factsFromValues(values);
  return Object.keys(facts).length ? facts : null;
}
