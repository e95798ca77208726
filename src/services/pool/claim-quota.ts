/** Where an SDR stands against the claim limits (SPEC §7), as the console shows it. */

import { authorize } from '../../domain/policy.js';
import { localDay } from '../../domain/pool/local-time.js';
import type { PoolPolicy } from '../../domain/pool/pool-policy.js';
import type { Actor } from '../../domain/roles.js';
import type { Queryable } from '../../store/db.js';
import { countClaimsSince, countOpenLeads } from '../../store/repositories/pool.js';
import type { ServiceContext } from '../context.js';
import { poolPolicyInForce } from './pool-policy.js';

export interface ClaimQuota {
  claimsToday: number;
  dailyLimit: number;
  openLeads: number;
  openLimit: number;
  /** When today's claims reset (local midnight of the policy's time zone). */
  dayEndsAt: Date;
}

export async function claimQuotaOf(db: Queryable, userId: string, policy: PoolPolicy, now: Date): Promise<ClaimQuota> {
  const day = localDay(now, policy.timeZone);
  const claimsToday = await countClaimsSince(db, userId, day.start);
  const openLeads = await countOpenLeads(db, userId);
  return {
    claimsToday,
    dailyLimit: policy.claims.dailyLimit,
    openLeads,
    openLimit: policy.claims.openLimit,
    dayEndsAt: day.end,
  };
}

export async function readClaimQuota(ctx: ServiceContext, actor: Actor): Promise<ClaimQuota> {
  authorize(actor, 'pool.claim');
  return claimQuotaOf(ctx.db, actor.id, await poolPolicyInForce(ctx.db), ctx.clock.now());
}
