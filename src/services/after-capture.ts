/**
 * What happens to captured leads inside the capture transaction, after they are stored:
 * cleaning (junk and ICP rules), stitching anonymous visitors' behaviour to them, scoring, and
 * routing by source — in that order, so the score sees the stitched behaviour and routing the score.
 */
import type { Transaction } from 'kysely';
import { loadCleaningBatch } from '../store/repositories/capture-follow-up.js';
import type { Database } from '../store/schema.js';
import { cleanCapturedLeads, recheckedLeads } from './cleaning/clean-leads.js';
import type { ServiceContext } from './context.js';
import { announceCapturedLeads } from './events/announce-captured-leads.js';
import { routeCapturedLeads } from './routing/route-captured-leads.js';
import { type FirstScores, scoreCapturedLeads } from './scoring/capture-scores.js';
import { stitchCapturedLeads } from './tracking/stitch-captured-leads.js';

export interface CapturedLeads {
  /** Leads this batch created. */
  created: readonly string[];
  /** Existing leads a repeat merged into (and new ones a later repeat of the batch did). */
  merged: readonly string[];
  /** The first scores new leads were inserted with (those a repeat merged into have none). */
  first?: FirstScores;
}

export async function afterCapture(trx: Transaction<Database>, ctx: ServiceContext, captured: CapturedLeads) {
  const leadIds = [...captured.created, ...captured.merged];
  if (leadIds.length === 0) return;
  // what cleaning and stitching read about the batch, in one statement
  const batch = await loadCleaningBatch(trx, leadIds, recheckedLeads(captured), { awaitingStitch: true });
  // cleaning: (issue 3 §6)
  await cleanCapturedLeads(trx, ctx, captured, batch);
  // stitching: (issue 3 §4)
  const stitched = await stitchCapturedLeads(trx, ctx, batch.awaitingStitch);
  await scoreCapturedLeads(trx, ctx, captured, new Set(stitched));
  // routing by source (issue 4 §1): direct to sales, pool or SDR queue
  await routeCapturedLeads(trx, ctx, captured.created);
  // announcements and the SDR's speed-to-lead clock (issue 5)
  await announceCapturedLeads(trx, ctx, captured.created);
}
