import type { Transaction } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';

/**
 * Recompute the rule score of these leads inside the caller's transaction, write a ledger
 * entry for each whose score changed, and keep leads.score / leads.grade in step.
 * `cause` says why in the score history: "capture", "merge", "qualification", "behaviour",
 * "enrichment", "decay", "rules" …
 */
export async function rescoreLeads(
  _trx: Transaction<Database>,
  _ctx: ServiceContext,
  _leadIds: readonly string[],
  _cause: string,
): Promise<void> {}
