/**
 * The contact experience (SPEC §6.3, seed 001 体验原则: no late, duplicate or harassing
 * follow-up): before a touch is logged, the lead's do-not-contact flag, the per-lead frequency
 * cap and the quiet hours are checked.
 *
 * - A do-not-contact lead is never contacted: a contact touch is refused, no override.
 * - The cap and quiet hours are told before contact (GET /leads/{id}/contact-check, what the
 *   console asks before it dials). A touch logged against them already happened: refusing it
 *   would lose what happened, so it is kept, answered with warnings naming the rules, and
 *   recorded as a broken rule for the SDR lead to see — or as overridden when the SDR gave a
 *   reason (`override`: the customer called back, asked for the evening meeting …).
 * - A touch logged long after it happened (more than an hour) is a record of the past: kept,
 *   with warnings naming the rules it broke at the time.
 * Notes are not contacts and are never refused. The frequency cap guards the SDR stages and the
 * pool; once sales has accepted the lead (sql, opportunity) the rep is in a live sales
 * conversation and talks to the customer as often as the deal needs.
 */
import { localMinuteOfDay, nextLocalMinute, parseClockTime } from './local-time.js';
import type { PoolPolicy } from './pool-policy.js';

export const contactTypes: readonly string[] = ['call', 'email', 'wechat', 'meeting'];

/** A touch whose time is more than this before now is a late record, not a contact being made. */
export const LATE_LOG_MS = 60 * 60_000;

/** Lead statuses of an active sales cycle: the frequency cap does not apply. */
export const capExemptStatuses: readonly string[] = ['sql', 'opportunity'];

const DAY_MS = 86_400_000;

export type ContactRule = 'do_not_contact' | 'quiet_hours' | 'frequency_cap';

export interface ContactRuleHit {
  code: ContactRule;
  message: string;
  overridable: boolean;
}

export interface ContactFacts {
  type: string;
  leadStatus: string;
  occurredAt: Date;
  now: Date;
  policy: PoolPolicy;
  doNotContact: { reason: string | null; since: Date | null } | null;
  /** Times of the lead's contact touches already logged (any window; filtered here). */
  earlierContacts: readonly Date[];
  override: string | null;
}

export type ContactDecision =
  | { ok: true; hits: ContactRuleHit[]; late: boolean; overridden: ContactRule[]; broken: ContactRule[] }
  | { ok: false; hits: ContactRuleHit[]; message: string };

/** The rules this touch breaks, with what the rule says and when contact is allowed again. */
export function contactRuleHits(f: ContactFacts): ContactRuleHit[] {
  if (!contactTypes.includes(f.type)) return [];
  const hits: ContactRuleHit[] = [];
  const dnc = f.doNotContact;
  if (dnc && (!dnc.since || f.occurredAt.getTime() >= dnc.since.getTime())) {
    hits.push({
      code: 'do_not_contact',
      message: `do_not_contact: this lead is marked do-not-contact${dnc.reason ? ` (${dnc.reason})` : ''}${
        dnc.since ? ` since ${dnc.since.toISOString()}` : ''
      }`,
      overridable: false,
    });
  }
  const quiet = f.policy.contact.quietHours;
  if (quiet) {
    const start = parseClockTime(quiet.start) as number;
    const end = parseClockTime(quiet.end) as number;
    const m = localMinuteOfDay(f.occurredAt, f.policy.timeZone);
    const inside = start < end ? m >= start && m < end : m >= start || m < end;
    if (inside) {
      const local = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      hits.push({
        code: 'quiet_hours',
        message:
          `quiet_hours: ${local} (${f.policy.timeZone}) is within the quiet hours ${quiet.start}–${quiet.end}; ` +
          `contact is allowed again from ${nextLocalMinute(f.occurredAt, f.policy.timeZone, end).toISOString()}`,
        overridable: true,
      });
    }
  }
  const cap = capExemptStatuses.includes(f.leadStatus) ? null : f.policy.contact.frequencyCap;
  if (cap) {
    const from = f.occurredAt.getTime() - cap.days * DAY_MS;
    const inWindow = f.earlierContacts
      .map((d) => d.getTime())
      .filter((t) => t > from && t <= f.occurredAt.getTime())
      .sort((a, b) => a - b);
    if (inWindow.length >= cap.contacts) {
      const next = new Date(inWindow[inWindow.length - cap.contacts] + cap.days * DAY_MS);
      hits.push({
        code: 'frequency_cap',
        message:
          `frequency_cap: this lead has had ${inWindow.length} contacts in the last ${cap.days} days ` +
          `(cap ${cap.contacts}); the next is allowed from ${next.toISOString()}`,
        overridable: true,
      });
    }
  }
  return hits;
}

export function decideContact(f: ContactFacts): ContactDecision {
  const hits = contactRuleHits(f);
  const late = f.now.getTime() - f.occurredAt.getTime() > LATE_LOG_MS;
  if (hits.length === 0 || late) return { ok: true, hits, late, overridden: [], broken: [] };
  const hard = hits.filter((h) => !h.overridable);
  if (hard.length > 0) {
    return { ok: false, hits, message: `${hits.map((h) => h.message).join('; ')}; contact touches are refused` };
  }
  const codes = hits.map((h) => h.code);
  return f.override
    ? { ok: true, hits, late, overridden: codes, broken: [] }
    : { ok: true, hits, late, overridden: [], broken: codes };
}
