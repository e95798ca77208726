/**
 * Stage definition versions (SPEC §4.2) in policy_versions (kind `definition:<kind>`) with their
 * approvals in policy_approvals, and the facts about a lead a definition looks at.
 */
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database, PolicyApprovalsTable, PolicyVersionsTable } from '../schema.js';
import { forgetPolicySnapshot, type PolicySnapshot, policySnapshot } from './policy-snapshot.js';

export type DefinitionVersionRow = Selectable<PolicyVersionsTable> & { approvals: Selectable<PolicyApprovalsTable>[] };

export const policyKindOf = (kind: string) => `definition:${kind}`;
export const versionIdOf = (kind: string, version: number) => `definition:${kind}:${version}`;

async function withApprovals(
  db: Kysely<Database>,
  rows: Selectable<PolicyVersionsTable>[],
): Promise<DefinitionVersionRow[]> {
  if (rows.length === 0) return [];
  const approvals = await db
    .selectFrom('policy_approvals')
    .selectAll()
    .where(
      'policy_version_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('approved_at')
    .execute();
  return rows.map((r) => ({ ...r, approvals: approvals.filter((a) => a.policy_version_id === r.id) }));
}

/** Every version of the definitions (of one kind, or all kinds), oldest first. */
export async function listDefinitionVersions(db: Kysely<Database>, kind?: string): Promise<DefinitionVersionRow[]> {
  const snapshot = policySnapshot(db);
  if (snapshot) {
    const { definitions } = await snapshot;
    return kind ? definitions.filter((v) => v.kind === policyKindOf(kind)) : definitions;
  }
  let q = db.selectFrom('policy_versions').selectAll();
  q = kind ? q.where('kind', '=', policyKindOf(kind)) : q.where('kind', 'like', 'definition:%');
  return withApprovals(db, await q.orderBy('kind').orderBy('version').execute());
}

export async function findDefinitionVersionForUpdate(
  trx: Transaction<Database>,
  kind: string,
  version: number,
): Promise<DefinitionVersionRow | undefined> {
  const row = await trx
    .selectFrom('policy_versions')
    .selectAll()
    .where('kind', '=', policyKindOf(kind))
    .where('version', '=', version)
    .forUpdate()
    .executeTakeFirst();
  return row ? (await withApprovals(trx, [row]))[0] : undefined;
}

export async function insertDefinitionVersion(
  trx: Transaction<Database>,
  row: {
    kind: string;
    version: number;
    body: object;
    effectiveFrom: Date;
    proposedBy: string;
    proposerRole: string;
    note: string | null;
    at: Date;
  },
): Promise<void> {
  forgetPolicySnapshot(trx);
  await trx
    .insertInto('policy_versions')
    .values({
      id: versionIdOf(row.kind, row.version),
      kind: policyKindOf(row.kind),
      version: row.version,
      body: JSON.stringify(row.body),
      status: 'proposed',
      effective_from: row.effectiveFrom,
      requested_effective_from: row.effectiveFrom,
      proposed_by: row.proposedBy,
      proposer_role: row.proposerRole,
      note: row.note,
      created_at: row.at,
    })
    .execute();
}

export async function insertApproval(
  trx: Transaction<Database>,
  row: { versionId: string; userId: string; role: string; at: Date },
): Promise<void> {
  forgetPolicySnapshot(trx);
  await trx
    .insertInto('policy_approvals')
    .values({ policy_version_id: row.versionId, user_id: row.userId, role: row.role, approved_at: row.at })
    .execute();
}

export async function markApproved(
  trx: Transaction<Database>,
  versionId: string,
  change: { effectiveFrom: Date; approvedAt: Date },
): Promise<void> {
  forgetPolicySnapshot(trx);
  await trx
    .updateTable('policy_versions')
    .set({ status: 'approved', effective_from: change.effectiveFrom, approved_at: change.approvedAt })
    .where('id', '=', versionId)
    .execute();
}

export async function markRejected(
  trx: Transaction<Database>,
  versionId: string,
  change: { by: string; reason: string; at: Date },
): Promise<void> {
  forgetPolicySnapshot(trx);
  await trx
    .updateTable('policy_versions')
    .set({ status: 'rejected', rejected_by: change.by, rejection_reason: change.reason, rejected_at: change.at })
    .where('id', '=', versionId)
    .execute();
}

/**
 * Approved definition versions whose date has come and whose taking effect is not yet in the
 * audit log; marks them recorded (one UPDATE … RETURNING, so two transactions never both do).
 */
export async function claimVersionsTakingEffect(trx: Transaction<Database>, now: Date) {
  // Nothing to claim in what this transaction sees: no UPDATE (it runs before every evaluation).
  const { definitions } = await (policySnapshot(trx) as Promise<PolicySnapshot>);
  const due = (v: DefinitionVersionRow) =>
    v.status === 'approved' &&
    v.took_effect_recorded_at === null &&
    v.effective_from !== null &&
    new Date(v.effective_from) <= now;
  if (!definitions.some(due)) return [];
  forgetPolicySnapshot(trx);
  return trx
    .updateTable('policy_versions')
    .set({ took_effect_recorded_at: now })
    .where('kind', 'like', 'definition:%')
    .where('status', '=', 'approved')
    .where('took_effect_recorded_at', 'is', null)
    .where('effective_from', '<=', now)
    .returningAll()
    .execute();
}

/** What a definition reads about one lead: the lead, its answers and its hand-off milestones. */
export async function loadLeadFactRows(db: Kysely<Database>, leadId: string) {
  const lead = await db
    .selectFrom('leads')
    .select([
      'id',
      'status',
      'phone',
      'email',
      'name',
      'company',
      'title',
      'region',
      'industry',
      'employees',
      'channel_id',
      'fields',
      'score',
      'scored_at',
    ])
    .where('id', '=', leadId)
    .executeTakeFirst();
  if (!lead) return undefined;
  const answers = await db
    .selectFrom('qualifications')
    .select(['framework', 'answers'])
    .where('lead_id', '=', leadId)
    .execute();
  const accepted = await db
    .selectFrom('handoffs')
    .select('id')
    .where('lead_id', '=', leadId)
    .where('status', '=', 'accepted')
    .limit(1)
    .executeTakeFirst();
  // opportunities is not in the Kysely schema of this module's owner; a plain query reads it.
  const opportunity = await sql<{ id: string }>`SELECT id FROM opportunities
    WHERE lead_id = ${leadId} AND stage <> 'withdrawn' LIMIT 1`.execute(db);
  return { lead, answers, acceptedBySales: accepted !== undefined, opportunityRegistered: opportunity.rows.length > 0 };
}
