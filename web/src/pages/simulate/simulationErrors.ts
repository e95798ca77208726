/**
 * A refused simulation's problem+json sorted by where it is shown (issue 8, bad input): errors
 * on the kind, the period's dates or the candidate go next to that field, anything else above
 * the form. Nothing typed is touched.
 */
import i18next from 'i18next';
import { ApiError, fieldErrorLine, fieldMessage } from '../../api';

export interface SimulationErrors {
  kind: string[];
  from: string[];
  to: string[];
  candidate: string[];
  other: string[];
}

export const noErrors: SimulationErrors = { kind: [], from: [], to: [], candidate: [], other: [] };

export function sortErrors(error: unknown): SimulationErrors {
  const sorted: SimulationErrors = { kind: [], from: [], to: [], candidate: [], other: [] };
  if (!(error instanceof ApiError)) {
    sorted.other.push(error instanceof Error ? error.message : String(error));
    return sorted;
  }
  const errors = error.problem?.errors ?? [];
  for (const e of errors) {
    const head = e.field.split(/[.[]/)[0];
    if (head === 'kind' || head === 'from' || head === 'to') sorted[head].push(fieldMessage(e, i18next.language));
    else if (head === 'candidate') sorted.candidate.push(fieldErrorLine(e, i18next.language));
    else sorted.other.push(fieldErrorLine(e, i18next.language));
  }
  if (!errors.length) {
    const detail = error.problem?.detail ?? error.message;
    // A 404 names a stored candidate version that is not there.
    (error.status === 404 && /candidate/.test(detail) ? sorted.candidate : sorted.other).push(detail);
  }
  return sorted;
}
