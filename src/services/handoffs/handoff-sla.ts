/**
 * Where a pending hand-off stands against its acceptance SLA (SPEC §6.2), at the server's clock:
 * the deadline, the time left on the policy's clock (working time for a business clock) and
 * whether that clock runs right now, so a page can count down between refetches.
 */
import { isWorkingTime } from '../../domain/calendar/business-time.js';
import { type SlaClock, slaDurations } from '../../domain/sla/sla-policy.js';
import type { HandoffRow } from '../../store/repositories/handoffs.js';
import type { SlaInForce } from '../sla/sla-clock.js';

export interface AcceptanceSla {
  clock: SlaClock;
  dueAt: string;
  /** When the reminder is (or was) due: the deadline less the policy's reminder lead; null = no reminder. */
  remindAt: string | null;
  /** Time left on the SLA clock, signed: below zero it is overdue by that much. */
  remainingMs: number;
  remainingMinutes: number;
  /** The SLA clock runs now (always for wall-clock; during working time for a business clock). */
  running: boolean;
  /** ok, reminder (past the reminder time), breached (deadline passed undecided). */
  state: 'ok' | 'reminder' | 'breached';
  /** The server's time these figures are taken at. */
  asOf: string;
}

/** The SLA of a pending hand-off with a deadline; null once decided or while a dispatch waits for a rep. */
export function acceptanceSla(row: HandoffRow, sla: SlaInForce, now: Date): AcceptanceSla | null {
  if (row.status !== 'pending' || row.due_at === null) return null;
  const clock = sla.policy.acceptance.clock;
  const due = new Date(row.due_at);
  const remainingMs = sla.between(now, due, clock);
  const before = slaDurations.reminderBefore(sla.policy);
  const remindAt = before > 0 ? new Date(due.getTime() - before) : null;
  const breached = row.breached_at !== null || due.getTime() <= now.getTime();
  const reminded = row.reminded_at !== null || (remindAt !== null && remindAt.getTime() <= now.getTime());
  return {
    clock,
    dueAt: due.toISOString(),
    remindAt: remindAt?.toISOString() ?? null,
    remainingMs,
    remainingMinutes: Math.trunc(remainingMs / 60_000),
    running: clock === 'wall' || isWorkingTime(now, sla.calendars),
    state: breached ? 'breached' : reminded ? 'reminder' : 'ok',
    asOf: now.toISOString(),
  };
}
