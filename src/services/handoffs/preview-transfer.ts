/**
 * GET /leads/{id}/transfer-preview (issue 8 item 2: "shows, before … which rep and why"): what
 * a transfer would do now — whether the lead passes the MQL definition in force (and what it
 * lacks), and the rep the routing rules would pick with the explanation — without doing it.
 * The decision runs the transfer's own routing in a transaction that is always rolled back, so
 * the preview is exactly the rules in force and changes nothing (rotation counters included).
 * A transfer made later may pick someone else when other hand-offs land in between.
 */
import type { UnmetCriterion } from '../../domain/definitions/evaluate-definition.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import type { RoutingDecision } from '../../domain/routing/routing-types.js';
import type { ServiceContext } from '../context.js';
import { evaluateLeadDefinition } from '../definitions/evaluate-lead.js';
import { readLead } from '../read-leads.js';
import { routeToRep } from './route-lead.js';

export interface TransferPreview {
  mql: { version: number; passed: boolean; unmet: UnmetCriterion[] };
  routing: Pick<RoutingDecision, 'kind' | 'repId' | 'credit' | 'explanation'>;
}

/** Carries the preview out of the transaction it rolls back. */
class RolledBack extends Error {
  constructor(readonly preview: TransferPreview) {
    super('preview rolled back');
  }
}

export async function previewTransfer(ctx: ServiceContext, actor: Actor, leadId: string): Promise<TransferPreview> {
  authorize(actor, 'leads.transfer');
  await readLead(ctx, actor, leadId);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const gate = await evaluateLeadDefinition(trx, ctx, leadId, 'mql');
      const decision = await routeToRep(trx, ctx, leadId);
      throw new RolledBack({
        mql: { version: gate.version, passed: gate.passed, unmet: gate.unmet },
        routing: {
          kind: decision.kind,
          repId: decision.repId,
          credit: decision.credit,
          explanation: decision.explanation,
        },
      });
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.preview;
    throw error;
  }
  throw new Error('unreachable: the preview transaction always rolls back');
}
