/**
 * Does a lead pass the stage definition in force (SPEC §4.2), and if not, which criteria are
 * unmet? `evaluateLeadDefinition` answers inside the caller's transaction (issue 4's transfer
 * gates on it); `requireLeadDefinition` throws DefinitionNotMet (HTTP 422 naming the unmet
 * criteria) when the lead fails. Neither checks the caller's scope: that is the caller's job.
 */
import type { Transaction } from 'kysely';
import { type DefinitionKind, definitionKindNames, definitionKinds } from '../../domain/definitions/definition-body.js';
import { DefinitionNotMet } from '../../domain/definitions/definition-not-met.js';
import { evaluateDefinition, type UnmetCriterion } from '../../domain/definitions/evaluate-definition.js';
import type { LeadFacts } from '../../domain/definitions/lead-facts.js';
import { versionInForce } from '../../domain/definitions/version-in-force.js';
import type { Actor } from '../../domain/roles.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { readLead } from '../read-leads.js';
import { gatherLeadFacts } from './lead-facts.js';
import { loadDefinitionHistory, recordVersionsTakingEffect } from './stored-version.js';

export interface LeadDefinitionResult {
  kind: DefinitionKind;
  /** The version in force at the moment of evaluation. */
  version: number;
  passed: boolean;
  unmet: UnmetCriterion[];
}

async function evaluateFacts(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  facts: LeadFacts,
  kinds: readonly DefinitionKind[],
): Promise<LeadDefinitionResult[]> {
  await recordVersionsTakingEffect(trx, ctx);
  const history = (await loadDefinitionHistory(trx)).map((v) => v.domain);
  const now = ctx.clock.now();
  return kinds.map((kind) => {
    const version = versionInForce(history, kind, now);
    // Version 1 is seeded in force from the epoch; its absence means the database was tampered with.
    if (!version) throw new Error(`no ${definitionKindNames[kind].en} definition is in force`);
    const result = evaluateDefinition(version.body, facts);
    return { kind, version: version.version, passed: result.passes, unmet: result.unmet };
  });
}

export async function evaluateLeadDefinition(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  leadId: string,
  kind: DefinitionKind,
): Promise<LeadDefinitionResult> {
  const [result] = await evaluateFacts(trx, ctx, await gatherLeadFacts(trx, leadId), [kind]);
  return result;
}

/** evaluateLeadDefinition for a caller that has gathered the lead's facts already (leadFactsOf). */
export async function evaluateFactsDefinition(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  facts: LeadFacts,
  kind: DefinitionKind,
): Promise<LeadDefinitionResult> {
  const [result] = await evaluateFacts(trx, ctx, facts, [kind]);
  return result;
}

/** Throws DefinitionNotMet (422) naming every unmet criterion; returns the result when it passes. */
export async function requireLeadDefinition(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  leadId: string,
  kind: DefinitionKind,
): Promise<LeadDefinitionResult> {
  const result = await evaluateLeadDefinition(trx, ctx, leadId, kind);
  if (!result.passed) throw new DefinitionNotMet(kind, result.version, result.unmet);
  return result;
}

/** GET /leads/{id}/definitions: every kind, for a caller who may see the lead. */
export async function readLeadDefinitions(
  ctx: ServiceContext,
  actor: Actor,
  leadId: string,
): Promise<{ at: Date; items: LeadDefinitionResult[] }> {
  await readLead(ctx, actor, leadId);
  const at = ctx.clock.now();
  const items = await ctx.db
    .transaction()
    .execute(async (trx) => evaluateFacts(trx, ctx, await gatherLeadFacts(trx, leadId), definitionKinds));
  return { at, items };
}
