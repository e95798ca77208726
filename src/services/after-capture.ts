/**
 * What happens to captured leads inside the capture transaction, after they are stored:
 * cleaning (junk and ICP rules), stitching anonymous visitors' behaviour to them, scoring, and
 * routing by source — in that order, so the score sees the stitched behaviour and routing the score.
 */
import type { Transaction } from 'kysely';
import { loadCleaningBatch } from '../store/repositories/capture-follow-up.js';
import type { Database } from '../store/schema.js';
import type { PreDecided } from './capture-decisions.js';
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
  /** New leads capture cleaned (and routed) before inserting them (capture-decisions.ts). */
  decided?: PreDecided;
  /** false when capture saw that no pending visitor or event carries any of the batch's e-mails. */
  stitchMayApply?: boolean;
}

export async function afterCapture(trx: Transaction<Database>, ctx: ServiceContext, captured: CapturedLeads) {
  const leadIds = [...captured.created, ...captured.merged];
  if (leadIds.length === 0) return;
  const cleaned = captured.decided?.cleaned;
  const toClean = cleaned ? leadIds.filter((id) => !cleaned.has(id)) : leadIds;
  const stitch = captured.stitchMayApply ?? true;
  // what cleaning and stitching read about the batch, in one statement (nothing when capture
  // cleaned every lead before the insert and saw that stitching has nothing to do)
  const batch =
    toClean.length || stitch
      ? await loadCleaningBatch(trx, toClean, recheckedLeads(captured), stitch ? { awaitingStitch: leadIds } : {})
      : undefined;
  // cleaning: (issue 3 §6)
  if (batch && toClean.length) await cleanCapturedLeads(trx, ctx, captured, batch);
  // stitching: (issue 3 §4)
  const stitched = batch?.awaitingStitch.length ? await stitchCapturedLeads(trx, ctx, batch.awaitingStitch) : [];
  await scoreCapturedLeads(trx, ctx, captured, new Set(stitched));
  // routing by source (issue 4 §1): direct to sales, pool or SDR queue
  await routeCapturedLeads(trx, ctx, captured.created, captured.decided?.routes);
  // announcements and the SDR's speed-to-lead clock (issue 5)
  await announceCapturedLeads(trx, ctx, captured.created);
}
