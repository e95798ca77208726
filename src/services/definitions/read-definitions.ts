/**
 * GET /definitions and GET /definitions/{kind}/versions (SPEC §4.2): what counts now (or at a
 * given moment — a past date still answers with the version that counted then), what is
 * scheduled, what awaits approval, and the full history with its approvals.
 */
import { type DefinitionKind, definitionKinds } from '../../domain/definitions/definition-body.js';
import { versionInForce } from '../../domain/definitions/version-in-force.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import type { ServiceContext } from '../context.js';
import { loadDefinitionHistory, recordVersionsTakingEffect, type StoredDefinitionVersion } from './stored-version.js';

export interface DefinitionOverview {
  kind: DefinitionKind;
  inForce: StoredDefinitionVersion;
  /** Approved, with a date still to come. */
  scheduled: StoredDefinitionVersion[];
  /** Proposed, awaiting approval. */
  pending: StoredDefinitionVersion[];
}

async function history(ctx: ServiceContext, kind?: DefinitionKind): Promise<StoredDefinitionVersion[]> {
  return ctx.db.transaction().execute(async (trx) => {
    await recordVersionsTakingEffect(trx, ctx);
    return loadDefinitionHistory(trx, kind);
  });
}

export async function readDefinitions(
  ctx: ServiceContext,
  actor: Actor,
  at?: Date,
): Promise<{ at: Date; items: DefinitionOverview[] }> {
  authorize(actor, 'definitions.read');
  const moment = at ?? ctx.clock.now();
  const now = ctx.clock.now();
  const all = await history(ctx);
  const items = definitionKinds.map((kind) => {
    const mine = all.filter((v) => v.kind === kind);
    const inForce = versionInForce(
      mine.map((v) => v.domain),
      kind,
      moment,
    );
    const stored = mine.find((v) => v.domain === inForce);
    if (!stored) throw new Error(`no ${kind} definition is in force`);
    return {
      kind,
      inForce: stored,
      scheduled: mine.filter((v) => v.state === 'approved' && v.domain.effectiveFrom.getTime() > now.getTime()),
      pending: mine.filter((v) => v.state === 'pending'),
    };
  });
  return { at: moment, items };
}

export async function readDefinitionVersions(
  ctx: ServiceContext,
  actor: Actor,
  kind: DefinitionKind,
): Promise<{ inForce: number; items: StoredDefinitionVersion[] }> {
  authorize(actor, 'definitions.read');
  const items = await history(ctx, kind);
  const inForce = versionInForce(
    items.map((v) => v.domain),
    kind,
    ctx.clock.now(),
  );
  return { inForce: inForce?.version ?? 1, items };
}
