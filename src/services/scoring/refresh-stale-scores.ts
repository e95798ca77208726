/**
 * The decay sweep (SPEC §4.3 "recompute as decay passes"): scores with engagement fade by the
 * hour, and a rules change makes every score stale. The sweep rescores, in batches, live leads
 * computed with older rules or not rescored for an hour while they still had engagement. It
 * runs when the manual clock moves and every few minutes on the system clock (due-work.ts).
 */

import { findStaleScores } from '../../store/repositories/scores.js';
import type { ServiceContext } from '../context.js';
import { rescoreLeads } from './rescore.js';
import { scoringRulesInForce } from './rules-in-force.js';

const HOUR_MS = 3_600_000;

export interface RefreshResult {
  rescored: number;
  /** True when `maxLeads` stopped the sweep before every stale score was refreshed. */
  more: boolean;
}

export async function refreshStaleScores(
  ctx: ServiceContext,
  options: { batchSize?: number; maxLeads?: number } = {},
): Promise<RefreshResult> {
  const batchSize = options.batchSize ?? 500;
  const maxLeads = options.maxLeads ?? Number.POSITIVE_INFINITY;
  let rescored = 0;
  while (rescored < maxLeads) {
    const { version } = await scoringRulesInForce(ctx.db);
    const decayedBefore = new Date(ctx.clock.now().getTime() - HOUR_MS);
    const limit = Math.min(batchSize, maxLeads - rescored);
    const done = await ctx.db.transaction().execute(async (trx) => {
      const ids = await findStaleScores(trx, { rulesVersion: version, decayedBefore, limit });
      await rescoreLeads(trx, ctx, ids, 'decay');
      return ids.length;
    });
    rescored += done;
    if (done < limit) return { rescored, more: false };
  }
  return { rescored, more: true };
}
