/**
 * Capture (SPEC §2): normalise, check validity, de-duplicate and store a batch of leads in one
 * transaction. A single POST /leads is a batch of one; bulk and import use the same path, so
 * dedup and audit behave the same everywhere. Dedup keys are locked first, so concurrent
 * captures of one person (several processes included) merge instead of both creating.
 */
import type { Transaction } from 'kysely';
import { dedupLockKeys, planCaptures } from '../domain/capture/dedup.js';
import { initialState } from '../domain/capture/initial-state.js';
import type { LeadInput, NormalisedLead } from '../domain/capture/lead-input.js';
import { normaliseLead } from '../domain/capture/normalise-lead.js';
import type { FieldError } from '../domain/errors.js';
import type { Actor } from '../domain/roles.js';
import type { LeadScore } from '../domain/scoring/score-lead.js';
import { lockKeys } from '../store/advisory-locks.js';
import type { AuditEntry } from '../store/repositories/audit.js';
import { markReasonsUsedUpdate } from '../store/repositories/cleaning.js';
import { primeListenedTypes } from '../store/repositories/event-fan-out.js';
import {
  applyMerges,
  type CapturedLeadRow,
  findCaptureContext,
  findHistoryExternalIds,
  insertCaptured,
  type MergeChange,
  type MergeRow,
  type NewLeadRow,
  type TouchRow,
} from '../store/repositories/leads.js';
import { type ScoreWrite, scoreLedgerInsert } from '../store/repositories/scores.js';
import type { Database } from '../store/schema.js';
import { afterCapture } from './after-capture.js';
import { decideBeforeInsert } from './capture-decisions.js';
import type { ServiceContext } from './context.js';
import { routingSettingsInForce } from './routing/routing-settings.js';
import { type FirstScores, firstScoreOf } from './scoring/capture-scores.js';
import { scoringRulesInForce } from './scoring/rules-in-force.js';
import { primeBusinessCalendars } from './sla/business-calendars.js';

export interface CaptureOptions {
  /** `import` for imports; undefined for the API, where channel is required. */
  defaultChannel?: string;
  touchKind: 'capture' | 'import';
  importId?: string;
  /** Imports: a channel may be named by its name or Chinese name, in any case. */
  channelByName?: boolean;
  /** Waited for after normalising, before taking the dedup locks (imports: the previous chunk's locks). */
  beforeLocking?: Promise<void>;
  /** Called once this batch holds its dedup locks. */
  onLocked?: () => void;
}

export type CaptureOutcome =
  | { index: number; ok: true; leadId: string; merged: boolean }
  | { index: number; ok: false; errors: FieldError[] };

/** One lead to capture and who is capturing it (batches may mix callers: see capture-batcher). */
export interface CaptureEntry {
  actor: Actor;
  input: LeadInput;
}

export async function captureInTransaction(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  entries: readonly CaptureEntry[],
  options: CaptureOptions,
): Promise<CaptureOutcome[]> {
  const now = ctx.clock.now();
  const rules = await ctx.channels.rules(trx, options.channelByName ? [] : entries.map((e) => e.input.channel));
  const outcomes: CaptureOutcome[] = new Array(entries.length);
  const valid: { index: number; lead: NormalisedLead }[] = [];
  entries.forEach(({ input: given }, index) => {
    const input =
      options.channelByName && given.channel ? { ...given, channel: ctx.channels.channelIdFor(given.channel) } : given;
    const result = normaliseLead(input, { ...rules, defaultChannel: options.defaultChannel, now });
    if (result.ok) valid.push({ index, lead: result.lead });
    else outcomes[index] = { index, ok: false, errors: result.errors };
  });
  await options.beforeLocking;
  if (valid.length === 0) return outcomes;

  await lockKeys(
    trx,
    valid.flatMap((v) => dedupLockKeys(v.lead)),
  );
  options.onLocked?.();
  // An external id is unique per lead; one a history lead holds cannot name a live lead too.
  const historyIds = await findHistoryExternalIds(
    trx,
    valid.flatMap((v) => (v.lead.externalId ? [v.lead.externalId] : [])),
  );
  const kept = valid.filter((v) => {
    if (!v.lead.externalId || !historyIds.has(v.lead.externalId)) return true;
    const message = `"${v.lead.externalId}" is the external id of a history lead`;
    const messageZh = `“${v.lead.externalId}”是一条历史线索的外部编号`;
    outcomes[v.index] = { index: v.index, ok: false, errors: [{ field: 'externalId', message, messageZh }] };
    return false;
  });
  if (kept.length === 0) return outcomes;
  const leads = kept.map((v) => v.lead);
  const context = await findCaptureContext(
    trx,
    {
      externalIds: leads.flatMap((l) => (l.externalId ? [l.externalId] : [])),
      phones: leads.flatMap((l) => (l.phone ? [l.phone] : [])),
      emails: leads.flatMap((l) => (l.email ? [l.email] : [])),
      companyKeys: leads.flatMap((l) => (l.companyKey ? [l.companyKey] : [])),
    },
    leads.map((l) => l.channel),
  );
  // What the rest of this transaction would read again (it writes no subscription, no calendar).
  primeListenedTypes(trx, context.listened);
  primeBusinessCalendars(trx, context.calendars);
  const steps = planCaptures(leads, context.matches, ctx.newId);

  const created: CapturedLeadRow[] = [];
  const touches: TouchRow[] = [];
  const merges: MergeRow[] = [];
  const audit: AuditEntry[] = [];
  const mergeChanges: MergeChange[] = [];
  steps.forEach((step, i) => {
    const { index } = kept[i];
    const { actor } = entries[index];
    const touchId = ctx.newId();
    if (step.kind === 'create') {
      // A first arrival's touch said exactly what the new lead holds: it is written from the
      // lead's row (insertCaptured), not sent again.
      const state = initialState(step.lead.channel, actor);
      created.push({ ...step.lead, id: step.id, ...state, createdBy: actor.id, at: now, touchId });
      audit.push({
        id: ctx.newId(),
        actorId: actor.id,
        action: 'lead.created',
        entityType: 'lead',
        entityId: step.id,
        leadId: step.id,
        from: null,
        to: { status: state.status, ownerId: state.ownerId, channel: step.lead.channel },
        reason: options.importId ? `import ${options.importId}` : null,
        at: now,
      });
    } else {
      // A merged arrival keeps what it said on its touch (a revert rebuilds its lead from it).
      touches.push({
        id: touchId,
        leadId: step.id,
        kind: 'merge',
        source: step.lead.source,
        payload: touchPayload(step.lead),
        actorId: actor.id,
        importId: options.importId ?? null,
        at: now,
      });
      merges.push({
        id: ctx.newId(),
        leadId: step.id,
        touchId,
        matchedOn: step.on,
        filled: step.filled,
        actorId: actor.id,
        at: now,
      });
      mergeChanges.push({
        leadId: step.id,
        filled: step.filled,
        source: step.lead.source,
        fields: step.lead.fields,
        at: now,
      });
      audit.push({
        id: ctx.newId(),
        actorId: actor.id,
        action: 'lead.merged',
        entityType: 'lead',
        entityId: step.id,
        leadId: step.id,
        from: Object.fromEntries(Object.keys(step.filled).map((k) => [k, null])),
        to: { ...step.filled, latestChannel: step.lead.channel },
        reason: `a repeat matched on ${step.on}`,
        at: now,
      });
    }
    outcomes[index] = { index, ok: true, leadId: step.id, merged: step.kind === 'merge' };
  });

  const merged = [...new Set(mergeChanges.map((m) => m.leadId))];
  const mergedInto = new Set(merged);
  const first = await scoreBeforeInsert(trx, created, mergedInto, now);
  // New leads nothing later in this transaction changes are cleaned and routed before the
  // insert and written once (capture-decisions.ts); their first score's ledger entry goes with them.
  const fresh = created.filter((l) => !mergedInto.has(l.id));
  const routing = fresh.length ? await routingSettingsInForce(trx) : undefined;
  const pre = routing
    ? decideBeforeInsert(ctx, fresh, context, routing)
    : { decided: undefined, audit: [], reasonsUsed: [] };
  audit.push(...pre.audit);
  const more = [];
  if (pre.reasonsUsed.length) more.push(markReasonsUsedUpdate('disqualify', pre.reasonsUsed));
  if (first) {
    const ledgered = new Set<string>();
    const written: ScoreWrite[] = [];
    for (const lead of fresh) {
      // stitching may give a lead with a pending e-mail behaviour: its first score waits for that
      if (lead.email && context.pendingEmails.has(lead.email)) continue;
      const score = first.byLead.get(lead.id) as LeadScore;
      written.push({
        leadId: lead.id,
        ...score,
        rulesVersion: first.rules.version,
        ledger: { id: ctx.newId(), cause: 'capture' },
      });
      ledgered.add(lead.id);
    }
    const ledger = scoreLedgerInsert(written, first.at);
    if (ledger) more.push(ledger);
    first.ledgered = ledgered;
  }
  await insertCaptured(
    trx,
    {
      leads: created,
      firstTouch: { kind: options.touchKind, importId: options.importId ?? null },
      touches,
      merges,
      audit,
    },
    more,
  );
  await applyMerges(trx, mergeChanges);
  await afterCapture(trx, ctx, {
    created: created.map((l) => l.id),
    merged,
    first,
    decided: pre.decided,
    stitchMayApply: context.pendingEmails.size > 0,
  });
  return outcomes;
}

/**
 * Sets the first score on the new leads, to be inserted with it (scoring/capture-scores.ts);
 * not on one a repeat of this batch merges into, whose profile the merge may still fill.
 */
async function scoreBeforeInsert(
  trx: Transaction<Database>,
  created: NewLeadRow[],
  mergedInto: ReadonlySet<string>,
  at: Date,
): Promise<FirstScores | undefined> {
  const scored = created.filter((l) => !mergedInto.has(l.id));
  if (scored.length === 0) return undefined;
  const rules = await scoringRulesInForce(trx);
  const byLead = new Map<string, LeadScore>();
  for (const lead of scored) {
    const score = firstScoreOf(rules, lead, at);
    byLead.set(lead.id, score);
    lead.score = { ...score, rulesVersion: rules.version, at };
  }
  return { rules, at, byLead };
}

/** What a merged arrival said, kept on its touch so the merge can be reviewed (and reverted). */
function touchPayload(lead: NormalisedLead): Record<string, unknown> {
  const { source, nameKey, companyKey, ...said } = lead;
  return Object.fromEntries(
    Object.entries(said).filter(
      ([, v]) => v !== null && !(typeof v === 'object' && Object.keys(v as object).length === 0),
    ),
  );
}
