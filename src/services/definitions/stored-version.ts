/**
 * Definition versions as stored (policy_versions + policy_approvals) turned into the domain's
 * DefinitionVersion, plus what only storage knows: the row id, a rejection, and whether the
 * version is rejected (the domain only knows pending and approved; a rejected version keeps
 * its number and never counts). Also writes "took effect" to the audit log once a version's
 * date has come.
 */
import type { Kysely, Transaction } from 'kysely';
import { systemProposer } from '../../domain/definitions/default-definitions.js';
import {
  type DefinitionBody,
  type DefinitionKind,
  definitionKindNames,
} from '../../domain/definitions/definition-body.js';
import { approvalSideOfRole, type DefinitionVersion } from '../../domain/definitions/definition-version.js';
import type { Role } from '../../domain/roles.js';
import { appendAudit } from '../../store/repositories/audit.js';
import {
  claimVersionsTakingEffect,
  type DefinitionVersionRow,
  listDefinitionVersions,
} from '../../store/repositories/definitions.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';

export interface StoredDefinitionVersion {
  id: string;
  kind: DefinitionKind;
  state: 'pending' | 'approved' | 'rejected';
  /** For a rejected version, status is 'pending' here: the domain never counts it either way. */
  domain: DefinitionVersion;
  rejection: { by: string | null; reason: string; at: Date } | null;
}

const date = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

export function toStoredVersion(row: DefinitionVersionRow): StoredDefinitionVersion {
  const kind = row.kind.slice('definition:'.length) as DefinitionKind;
  const requested = date(row.requested_effective_from) ?? date(row.effective_from) ?? new Date(row.created_at);
  return {
    id: row.id,
    kind,
    state: row.status === 'proposed' ? 'pending' : row.status,
    domain: {
      version: row.version,
      body: row.body as DefinitionBody,
      status: row.status === 'approved' ? 'approved' : 'pending',
      proposedBy: row.proposed_by
        ? { id: row.proposed_by, role: (row.proposer_role ?? 'admin') as Role }
        : { ...systemProposer },
      proposedAt: new Date(row.created_at),
      requestedEffectiveFrom: requested,
      effectiveFrom: date(row.effective_from) ?? requested,
      approvals: row.approvals.flatMap((a) => {
        const side = approvalSideOfRole[a.role as Role];
        return side ? [{ side, approverId: a.user_id, role: a.role as Role, at: new Date(a.approved_at) }] : [];
      }),
      approvedAt: date(row.approved_at),
      ...(row.note ? { note: row.note } : {}),
    },
    rejection:
      row.status === 'rejected'
        ? { by: row.rejected_by, reason: row.rejection_reason ?? '', at: new Date(row.rejected_at ?? row.created_at) }
        : null,
  };
}

export async function loadDefinitionHistory(
  db: Kysely<Database>,
  kind?: DefinitionKind,
): Promise<StoredDefinitionVersion[]> {
  return (await listDefinitionVersions(db, kind)).map(toStoredVersion);
}

export const describeVersion = (kind: DefinitionKind, version: number) =>
  `version ${version} of the ${definitionKindNames[kind].en} definition`;

/**
 * Approved versions whose date has come get their "took effect" audit entry, dated when they
 * took effect. Run by the due-work sweep (services/due-work.ts) and at the start of every
 * definitions use-case, so the entry is in the log before anything reads or relies on the version.
 */
export async function recordVersionsTakingEffect(trx: Transaction<Database>, ctx: ServiceContext): Promise<void> {
  const rows = await claimVersionsTakingEffect(trx, ctx.clock.now());
  if (rows.length === 0) return;
  await appendAudit(
    trx,
    rows.map((r) => {
      const kind = r.kind.slice('definition:'.length) as DefinitionKind;
      const from = new Date(r.effective_from ?? r.created_at);
      return {
        id: ctx.newId(),
        actorId: null,
        action: 'definition.took_effect',
        entityType: 'definition',
        entityId: r.id,
        to: { kind, version: r.version, effectiveFrom: from.toISOString() },
        reason: `${describeVersion(kind, r.version)} is in force from ${from.toISOString()}`,
        at: from,
      };
    }),
  );
}
