/**
 * The policy versions a transaction reads, read once per transaction: every stage definition
 * version with its approvals, and the latest approved version of each settings kind (routing,
 * scoring, SLA …). A transfer reads the MQL definition, the routing policy, the scoring rules
 * and the SLA in force — one statement instead of one (or two) each. Only inside a transaction:
 * a read outside one always asks the database. A write of a version or an approval in the
 * transaction forgets its snapshot (forgetPolicySnapshot), so the next read sees the write.
 */
import { type Selectable, sql } from 'kysely';
import type { Queryable } from '../db.js';
import type { PolicyApprovalsTable, PolicyVersionsTable } from '../schema.js';

export type PolicyVersionRow = Selectable<PolicyVersionsTable> & { approvals: Selectable<PolicyApprovalsTable>[] };

export interface PolicySnapshot {
  /** Definition versions (kind `definition:…`), by kind then version. */
  definitions: PolicyVersionRow[];
  /** The latest approved version of each other kind. */
  latest: Map<string, PolicyVersionRow>;
}

const snapshots = new WeakMap<Queryable, Promise<PolicySnapshot>>();

/** This transaction's snapshot (read on first use); null outside a transaction. */
export function policySnapshot(db: Queryable): Promise<PolicySnapshot> | null {
  if (!db.isTransaction) return null;
  let snapshot = snapshots.get(db);
  if (!snapshot) {
    snapshot = readSnapshot(db);
    snapshots.set(db, snapshot);
    // A failed read is not kept: the next use asks again.
    snapshot.catch(() => snapshots.delete(db));
  }
  return snapshot;
}

/** Call after writing a policy version or approval in `db` (a transaction). */
export function forgetPolicySnapshot(db: Queryable): void {
  snapshots.delete(db);
}

async function readSnapshot(db: Queryable): Promise<PolicySnapshot> {
  const { rows } = await sql<Selectable<PolicyVersionsTable> & { approvals: ApprovalJson[] | null }>`
    SELECT v.*, (
        SELECT json_agg(json_build_object('user_id', a.user_id, 'role', a.role, 'approved_at', a.approved_at)
                        ORDER BY a.approved_at)
        FROM policy_approvals a WHERE a.policy_version_id = v.id
      ) AS approvals
    FROM policy_versions v
    WHERE v.kind LIKE 'definition:%'
       OR v.id IN (SELECT DISTINCT ON (kind) id FROM policy_versions
                   WHERE status = 'approved' AND kind NOT LIKE 'definition:%' ORDER BY kind, version DESC)
    ORDER BY v.kind, v.version`.execute(db);
  const definitions: PolicyVersionRow[] = [];
  const latest = new Map<string, PolicyVersionRow>();
  for (const row of rows) {
    const version: PolicyVersionRow = {
      ...row,
      approvals: (row.approvals ?? []).map((a) => ({
        policy_version_id: row.id,
        user_id: a.user_id,
        role: a.role,
        approved_at: new Date(a.approved_at),
      })),
    };
    if (row.kind.startsWith('definition:')) definitions.push(version);
    else latest.set(row.kind, version);
  }
  return { definitions, latest };
}

interface ApprovalJson {
  user_id: string;
  role: string;
  approved_at: string;
}
