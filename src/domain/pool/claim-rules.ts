/**
 * Who may claim a lead, and when (SPEC §6.1 one owner at a time, §7 claim limits and cool-off).
 * Claims take leads from the SDR queue (`new`, unowned) and the pool (`nurturing`, unowned).
 * Every refusal says which rule, the limit and where the caller stands, so the console can say
 * it and the SDR knows what to do next.
 */
import type { PoolPolicy } from './pool-policy.js';

export const claimableStatuses: readonly string[] = ['new', 'nurturing'];

export interface ClaimFacts {
  lead: { status: string; ownerId: string | null; ownerName: string | null; ownedSince: Date | null; history: boolean };
  actorId: string;
  claimsToday: number;
  openLeads: number;
  /** When the caller last released this lead, if ever. */
  lastReleasedAt: Date | null;
  /** When the caller's claim day ends (local midnight). */
  dayEndsAt: Date;
  now: Date;
  policy: PoolPolicy;
}

export type ClaimRefusalCode =
  | 'already_yours'
  | 'owned_by_other'
  | 'not_claimable'
  | 'cool_off'
  | 'daily_limit'
  | 'open_limit';

export interface ClaimRefusal {
  code: ClaimRefusalCode;
  message: string;
}

const DAY_MS = 86_400_000;

export function coolOffEnds(releasedAt: Date, policy: PoolPolicy): Date {
  return new Date(releasedAt.getTime() + policy.claims.coolOffDays * DAY_MS);
}

/** Null when the claim may go ahead. */
export function checkClaim(f: ClaimFacts): ClaimRefusal | null {
  const { lead, policy } = f;
  if (lead.ownerId === f.actorId) return { code: 'already_yours', message: 'you already hold this lead' };
  if (lead.ownerId) {
    const since = lead.ownedSince ? ` since ${lead.ownedSince.toISOString()}` : '';
    return {
      code: 'owned_by_other',
      message:
        `this lead is owned by ${lead.ownerName ?? 'another user'} (${lead.ownerId})${since}: one owner at a time; ` +
        'ask them to release it, or an SDR lead to reassign it',
    };
  }
  if (lead.history) return { code: 'not_claimable', message: 'a history lead (imported to learn from) is not worked' };
  if (!claimableStatuses.includes(lead.status)) {
    return {
      code: 'not_claimable',
      message: `only leads in the SDR queue (new) or the pool (nurturing) can be claimed; this one is ${lead.status}`,
    };
  }
  if (f.lastReleasedAt) {
    const ends = coolOffEnds(f.lastReleasedAt, policy);
    if (f.now.getTime() < ends.getTime()) {
      return {
        code: 'cool_off',
        message:
          `cool-off: you released this lead at ${f.lastReleasedAt.toISOString()}; you may claim it again from ` +
          `${ends.toISOString()} (${policy.claims.coolOffDays}-day cool-off)`,
      };
    }
  }
  if (f.claimsToday >= policy.claims.dailyLimit) {
    return {
      code: 'daily_limit',
      message:
        `daily claim limit reached: you have claimed ${f.claimsToday} leads today, the limit is ` +
        `${policy.claims.dailyLimit} (the day ends at ${f.dayEndsAt.toISOString()}, ${policy.timeZone})`,
    };
  }
  if (f.openLeads >= policy.claims.openLimit) {
    return {
      code: 'open_limit',
      message:
        `open lead limit reached: you hold ${f.openLeads} working leads, the limit is ${policy.claims.openLimit}; ` +
        'transfer, release or disqualify some first',
    };
  }
  return null;
}
