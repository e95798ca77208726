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

/** The snapshot's rows: every definition version and the latest approved version of each other kind. */
export const policySnapshotQuery = sql`SELECT v.*, (
        SELECT json_agg(json_build_object('user_id', a.user_id, 'role', a.role, 'approved_at', a.approved_at)
                        ORDER BY a.approved_at)
        FROM policy_approvals a WHERE a.policy_version_id = v.id
      ) AS approvals
    FROM policy_versions v
    WHERE v.kind LIKE 'definition:%'
       OR v.id IN (SELECT DISTINCT ON (kind) id FROM policy_versions
                   WHERE status = 'approved' AND kind NOT LIKE 'definition:%' ORDER BY kind, version DESC)`;

async function readSnapshot(db: Queryable): Promise<PolicySnapshot> {
  const { rows } = await sql<SnapshotRow>`${policySnapshotQuery} ORDER BY v.kind, v.version`.execute(db);
  return snapshotOf(rows);
}

type SnapshotRow = Selectable<PolicyVersionsTable> & { approvals: ApprovalJson[] | null };

/** The timestamp columns of policy_versions (JSON carries them as text). */
const timestampColumns = [
  'effective_from',
  'created_at',
  'requested_effective_from',
  'approved_at',
  'rejected_at',
  'took_effect_recorded_at',
] as const;

/**
 * Seeds `db`'s (a transaction's) snapshot with rows the caller read as JSON in a statement of
 * its own (`json_agg` over policySnapshotQuery, in any order): the reads that follow in the
 * transaction use them instead of asking again.
 */
export function seedPolicySnapshot(db: Queryable, jsonRows: readonly unknown[]): void {
  if (!db.isTransaction) return;
  const rows = (jsonRows as SnapshotRow[]).map((row) => {
    const typed = { ...row } as Record<string, unknown>;
    for (const column of timestampColumns) {
      const value = typed[column];
      if (typeof value === 'string') typed[column] = new Date(value);
    }
    return typed as unknown as SnapshotRow;
  });
  rows.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.version - b.version));
  snapshots.set(db, Promise.resolve(snapshotOf(rows)));
}

function snapshotOf(rows: readonly SnapshotRow[]): PolicySnapshot {
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
