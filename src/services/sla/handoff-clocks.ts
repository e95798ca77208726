/**
 * The acceptance clock of a hand-off (SPEC §6.2): the deadline, and the durable timers of its
 * reminder and its breach, written with the hand-off.
 */
import { slaDurations } from '../../domain/sla/sla-policy.js';
import type { NewTimer } from '../../store/repositories/timers.js';
import type { SlaInForce } from './sla-clock.js';

export const ACCEPTANCE_REMINDER = 'handoff.acceptance_reminder';
export const ACCEPTANCE_DUE = 'handoff.acceptance_due';
export const RECALL_AFTER_BREACH = 'handoff.recall_due';
/** The first-contact deadline of an idle account owner (SPEC §5.2); a decision does not stop it. */
export const FIRST_CONTACT_DUE = 'handoff.first_contact_due';
/** The timers a decision stops. */
export const ACCEPTANCE_TIMERS = [ACCEPTANCE_REMINDER, ACCEPTANCE_DUE, RECALL_AFTER_BREACH];

export function acceptanceClock(
  sla: SlaInForce,
  newId: () => string,
  handoffId: string,
  at: Date,
): { dueAt: Date; timers: NewTimer[] } {
  const { policy } = sla;
  const dueAt = sla.after(at, slaDurations.acceptance(policy), policy.acceptance.clock);
  const before = slaDurations.reminderBefore(policy);
  const remindAt = new Date(dueAt.getTime() - before);
  const timers: NewTimer[] = [{ id: newId(), kind: ACCEPTANCE_DUE, subjectId: handoffId, dueAt, at }];
  if (before > 0 && remindAt.getTime() > at.getTime()) {
    timers.push({ id: newId(), kind: ACCEPTANCE_REMINDER, subjectId: handoffId, dueAt: remindAt, at });
  }
  return { dueAt, timers };
}
