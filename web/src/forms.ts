/**
 * The API's problem+json field errors shown next to the fields of an antd Form (issue 8, bad
 * input): the form keeps what was typed; errors for fields the form does not have come back
 * to be shown above it.
 */
import type { FormInstance } from 'antd';
import i18next from 'i18next';
import { ApiError, fieldErrorLine, fieldMessage } from './api';

/** `answers.budget` → ['answers', 'budget']; `items[2].name` → ['items', 2, 'name']. */
function namePath(field: string): (string | number)[] {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Puts each field error on its field; answers the messages that matched no field (or the detail). */
export function showFieldErrors(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  /** A leading part of the API's field names the form does not have (`policy` of `policy.acceptance.hours`). */
  prefix?: string,
): string[] {
  if (!(error instanceof ApiError)) return [String(error)];
  const pathOf = (field: string) => {
    const path = namePath(field);
    return prefix && path[0] === prefix ? path.slice(1) : path;
  };
  const unmatched: string[] = [];
  const known = new Set(fields);
  const errors = error.problem?.errors ?? [];
  const message = (e: (typeof errors)[number]) => fieldMessage(e, i18next.language);
  form.setFields(
    errors
      .filter((e) => known.has(pathOf(e.field)[0] as string))
      .map((e) => ({ name: pathOf(e.field), errors: [message(e)] })),
  );
  for (const e of errors)
    if (!known.has(pathOf(e.field)[0] as string)) unmatched.push(fieldErrorLine(e, i18next.language));
  if (!errors.length) unmatched.push(error.problem?.detail ?? error.message);
  return unmatched;
}

/** Takes the API's errors off every field again (after a save that went through). */
export function clearFieldErrors(form: FormInstance): void {
  form.setFields(form.getFieldsError().map((f) => ({ name: f.name, errors: [] })));
}
