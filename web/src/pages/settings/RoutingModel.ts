/**
 * Routing rules and policy as GET/PUT /routing/rules carry them (SPEC §5.1, §5.2), the editor's
 * rows (a simple {field, op, value} condition edited field by field, anything else as JSON),
 * and the API's field errors ("rules[2].condition.op") put back on the row's field.
 */
import type { FormInstance } from 'antd';
import i18next from 'i18next';
import { ApiError, fieldMessage } from '../../api';

export const routingPaths = ['direct_to_sales', 'sdr_queue', 'disqualified', 'pool'] as const;
export type RoutingPath = (typeof routingPaths)[number];
export const routeFields = ['channel', 'channelPath', 'status', 'grade', 'score', 'flags'] as const;
export const routeOps = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'contains', 'prefix'] as const;
export type RouteOp = (typeof routeOps)[number];
export const listOps: readonly string[] = ['in', 'nin'];
export const grades = ['A', 'B', 'C', 'D'].flatMap((f) => [1, 2, 3, 4].map((e) => `${f}${e}`));
/** The values the API accepts for channelPath (SPEC §5.1: a channel's default path). */
export const channelPaths = ['direct_to_sales', 'sdr_queue', 'pool'] as const;

type Scalar = string | number;
export type RouteCondition =
  | { field: string; op: RouteOp; value: Scalar | Scalar[] }
  | { all: RouteCondition[] }
  | { any: RouteCondition[] }
  | { not: RouteCondition };

export interface RoutingRule {
  id: string;
  description: string;
  condition: RouteCondition | null;
  path: RoutingPath;
}

export interface RoutingPolicy {
  conflictInactiveDays: number;
  firstContactDays: number;
  partialCredit: number;
  balance: 'weight' | 'department';
  skill: { mustWinGrades: string[]; topLevel: number } | null;
}

export interface RoutingSettingsBody {
  version: number;
  rules: RoutingRule[];
  policy: RoutingPolicy;
  savedAt: string | null;
  savedBy: string | null;
}

export type ConditionMode = 'always' | 'simple' | 'json';

export interface RuleRow {
  id?: string;
  description?: string;
  path?: RoutingPath;
  mode: ConditionMode;
  field?: string;
  customName?: string;
  op?: RouteOp;
  value?: Scalar | Scalar[];
  json?: string;
}

export interface RoutingFormValues {
  rules: RuleRow[];
  policy: Omit<RoutingPolicy, 'skill'> & {
    skillOn: boolean;
    skill?: { mustWinGrades?: string[]; topLevel?: number };
  };
}

const isLeaf = (c: RouteCondition): c is Extract<RouteCondition, { field: string }> => 'field' in c;

export function rowOf(rule: RoutingRule): RuleRow {
  const base = { id: rule.id, description: rule.description, path: rule.path };
  const c = rule.condition;
  if (c === null) return { ...base, mode: 'always' };
  if (isLeaf(c)) {
    const custom = c.field.startsWith('fields.');
    return {
      ...base,
      mode: 'simple',
      field: custom ? 'custom' : c.field,
      ...(custom ? { customName: c.field.slice('fields.'.length) } : {}),
      op: c.op,
      value: c.value,
    };
  }
  return { ...base, mode: 'json', json: JSON.stringify(c, null, 2) };
}

export const newRow = (): RuleRow => ({ mode: 'simple', field: 'channel', op: 'eq', path: 'sdr_queue' });

const numeric = (v: Scalar) => (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v);

/** The condition a simple row stands for: numbers where the field or comparison is numeric. */
function leafOf(row: RuleRow): RouteCondition {
  const field = row.field === 'custom' ? `fields.${row.customName?.trim() ?? ''}` : (row.field ?? '');
  const op = row.op as RouteOp;
  const raw = row.value ?? '';
  const asNumber = field === 'score' || ['lt', 'lte', 'gt', 'gte'].includes(op);
  const clean = (v: Scalar) =>
    asNumber ? numeric(typeof v === 'string' ? v.trim() : v) : typeof v === 'string' ? v.trim() : v;
  if (listOps.includes(op)) return { field, op, value: (Array.isArray(raw) ? raw : [raw]).map(clean) };
  return { field, op, value: clean(Array.isArray(raw) ? (raw[0] ?? '') : raw) };
}

/** The row's condition; undefined when its JSON does not parse (the form reports that itself). */
export function conditionOf(row: RuleRow | undefined): RouteCondition | null | undefined {
  if (!row || row.mode === 'always') return null;
  if (row.mode === 'simple') return leafOf(row);
  try {
    return JSON.parse(row.json ?? '') as RouteCondition;
  } catch {
    return undefined;
  }
}

export function formValuesOf(s: RoutingSettingsBody): RoutingFormValues {
  const { skill, ...policy } = s.policy;
  return {
    rules: s.rules.map(rowOf),
    policy: { ...policy, skillOn: skill !== null, skill: skill ?? { mustWinGrades: ['A1'], topLevel: 4 } },
  };
}

export function bodyOf(values: RoutingFormValues): { rules: unknown[]; policy: RoutingPolicy } {
  const { skillOn, skill, ...policy } = values.policy;
  return {
    rules: (values.rules ?? []).map((row) => ({
      ...(row.id?.trim() ? { id: row.id.trim() } : {}),
      ...(row.description?.trim() ? { description: row.description.trim() } : {}),
      condition: conditionOf(row) ?? null,
      path: row.path,
    })),
    policy: {
      ...policy,
      skill: skillOn ? { mustWinGrades: skill?.mustWinGrades ?? [], topLevel: skill?.topLevel as number } : null,
    },
  };
}

/** `rules[2].condition.op` → ['rules', 2, 'condition', 'op']. */
function parts(field: string): (string | number)[] {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Where an error of rule `i` shows in the editor, or null when it is about the rule as a whole. */
function ruleFieldFor(row: RuleRow | undefined, rest: (string | number)[]): string | null {
  const [head, sub, ...deeper] = rest;
  if (head === 'id' || head === 'path' || head === 'description') return head;
  if (head !== 'condition') return null;
  if (row?.mode !== 'simple' || deeper.length) return 'json';
  if (sub === 'field') return row.field === 'custom' ? 'customName' : 'field';
  if (sub === 'op' || sub === 'value') return sub;
  return 'field';
}

/**
 * Puts the API's errors on the editor's fields; answers the messages that fit none, each
 * prefixed by `ruleLabel(n)` when it concerns a whole rule.
 */
export function showRoutingErrors(form: FormInstance, error: unknown, ruleLabel: (n: number) => string): string[] {
  if (!(error instanceof ApiError)) return [String(error)];
  const errors = error.problem?.errors ?? [];
  if (!errors.length) return [error.problem?.detail ?? error.message];
  const rows = (form.getFieldValue('rules') ?? []) as RuleRow[];
  const placed: { name: (string | number)[]; errors: string[] }[] = [];
  const unmatched: string[] = [];
  for (const e of errors) {
    const path = parts(e.field);
    const message = fieldMessage(e, i18next.language);
    if (path[0] === 'rules' && typeof path[1] === 'number') {
      const where = ruleFieldFor(rows[path[1]], path.slice(2));
      if (where) placed.push({ name: ['rules', path[1], where], errors: [message] });
      else unmatched.push(`${ruleLabel(path[1] + 1)}: ${message}`);
    } else if (path[0] === 'policy' && path.length > 1) {
      const name = typeof path[path.length - 1] === 'number' ? path.slice(0, -1) : path;
      placed.push({ name, errors: [message] });
    } else unmatched.push(`${e.field}: ${message}`);
  }
  form.setFields(placed);
  return unmatched;
}
