/** POST /leads and POST /leads/bulk use-cases (SPEC §2, §10.1). */
import type { LeadInput } from '../domain/capture/lead-input.js';
import { type FieldError, InvalidInput } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import type { Actor } from '../domain/roles.js';
import { findLeadsByIds, type LeadRow } from '../store/repositories/leads.js';
import { captureInTransaction } from './capture-leads.js';
import type { ServiceContext } from './context.js';
import { runIdempotent } from './idempotency.js';
import { fieldErrorsOf, leadInputSchema } from './lead-input-schema.js';

export const bulkLimit = 10_000;

/** One lead: 201 created or 200 merged. Without an Idempotency-Key it joins the group commit. */
export async function captureLead(
  ctx: ServiceContext,
  actor: Actor,
  input: LeadInput,
  idempotencyKey?: string,
): Promise<{ status: 200 | 201; lead: LeadRow; merged: boolean }> {
  authorize(actor, 'leads.capture');
  if (!idempotencyKey) {
    const { lead, merged } = await ctx.captures.capture({ actor, input });
    return { status: merged ? 200 : 201, lead, merged };
  }
  const answer = await runIdempotent(ctx, actor, { key: idempotencyKey, request: input }, async (trx) => {
    const [outcome] = await captureInTransaction(trx, ctx, [{ actor, input }], { touchKind: 'capture' });
    if (!outcome.ok) throw new InvalidInput(outcome.errors);
    return { status: outcome.merged ? 200 : 201, body: { leadId: outcome.leadId, merged: outcome.merged } };
  });
  ctx.enrichment.enqueue([answer.body.leadId]);
  // A replay answers the lead as it is now; the key belongs to this caller, who captured it.
  const [lead] = await findLeadsByIds(ctx.db, [answer.body.leadId]);
  return { status: answer.status as 200 | 201, lead, merged: answer.body.merged };
}

export interface BulkResult {
  created: number;
  merged: number;
  failed: { index: number; errors: FieldError[] }[];
  results: { index: number; id: string; merged: boolean }[];
}

/** Up to 10,000 leads; each item succeeds or fails on its own (failures by index). */
export async function captureBulk(
  ctx: ServiceContext,
  actor: Actor,
  items: readonly unknown[],
  idempotencyKey?: string,
) {
  authorize(actor, 'leads.capture');
  const failed: BulkResult['failed'] = [];
  const valid: { index: number; input: LeadInput }[] = [];
  items.forEach((item, index) => {
    const parsed = leadInputSchema.safeParse(item);
    if (parsed.success) valid.push({ index, input: parsed.data });
    else failed.push({ index, errors: fieldErrorsOf(parsed.error) });
  });
  const answer = await runIdempotent(
    ctx,
    actor,
    idempotencyKey ? { key: idempotencyKey, request: items } : undefined,
    async (trx) => {
      const outcomes = await captureInTransaction(
        trx,
        ctx,
        valid.map((v) => ({ actor, input: v.input })),
        { touchKind: 'capture' },
      );
      const result: BulkResult = { created: 0, merged: 0, failed, results: [] };
      for (const outcome of outcomes) {
        const index = valid[outcome.index].index;
        if (!outcome.ok) {
          result.failed.push({ index, errors: outcome.errors });
          continue;
        }
        if (outcome.merged) result.merged++;
        else result.created++;
        result.results.push({ index, id: outcome.leadId, merged: outcome.merged });
      }
      result.failed.sort((a, b) => a.index - b.index);
      return { status: 200, body: result };
    },
  );
  ctx.enrichment.enqueue(answer.body.results.map((r) => r.id));
  return answer;
}
