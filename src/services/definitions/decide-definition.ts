/**
 * Approving and rejecting a proposed definition version (SPEC §4.2). One `marketing` and one
 * `sales_manager`/`sales_ops` approval, from two people, put a version in force from its date
 * (or from the moment of the second approval if that date has passed — never retroactively).
 * An admin cannot stand in for either side. Either side, or the proposer withdrawing, may
 * reject a pending version with a reason. Each step is an audit entry.
 */
import type { Transaction } from 'kysely';
import { approveVersion } from '../../domain/definitions/approve-version.js';
import type { DefinitionKind } from '../../domain/definitions/definition-body.js';
import { approvalSideOfRole } from '../../domain/definitions/definition-version.js';
import { Conflict, Forbidden, NotFound } from '../../domain/errors.js';
import type { Actor } from '../../domain/roles.js';
import { lockKeys } from '../../store/advisory-locks.js';
import { type AuditEntry, appendAudit } from '../../store/repositories/audit.js';
import {
  type DefinitionVersionRow,
  findDefinitionVersionForUpdate,
  insertApproval,
  markApproved,
  markRejected,
} from '../../store/repositories/definitions.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import {
  describeVersion,
  recordVersionsTakingEffect,
  type StoredDefinitionVersion,
  toStoredVersion,
} from './stored-version.js';

async function lockVersion(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  kind: DefinitionKind,
  version: number,
): Promise<StoredDefinitionVersion> {
  await lockKeys(trx, [`definition:${kind}`]);
  await recordVersionsTakingEffect(trx, ctx);
  const row = await findDefinitionVersionForUpdate(trx, kind, version);
  if (!row) throw new NotFound(describeVersion(kind, version));
  return toStoredVersion(row);
}

function refuseDecided(v: StoredDefinitionVersion): void {
  const what = describeVersion(v.kind, v.domain.version);
  if (v.state === 'rejected') {
    throw new Conflict(`${what} was rejected (${v.rejection?.reason}); propose a new version instead`);
  }
  if (v.state === 'approved') {
    throw new Conflict(`${what} is already approved, in force from ${v.domain.effectiveFrom.toISOString()}`);
  }
}

async function reload(trx: Transaction<Database>, kind: DefinitionKind, version: number) {
  return toStoredVersion((await findDefinitionVersionForUpdate(trx, kind, version)) as DefinitionVersionRow);
}

export async function approveDefinitionVersion(
  ctx: ServiceContext,
  actor: Actor,
  kind: DefinitionKind,
  version: number,
): Promise<StoredDefinitionVersion> {
  const side = approvalSideOfRole[actor.role];
  if (!side) {
    throw new Forbidden(
      `the role ${actor.role} may not approve a definition: one marketing user approves for marketing and one sales_manager or sales_ops user for sales${
        actor.role === 'admin' ? ' (an admin cannot stand in for either side)' : ''
      }`,
    );
  }
  return ctx.db.transaction().execute(async (trx) => {
    const stored = await lockVersion(trx, ctx, kind, version);
    refuseDecided(stored);
    const what = describeVersion(kind, version);
    const mine = stored.domain.approvals.find((a) => a.approverId === actor.id);
    if (mine?.side === side) throw new Conflict(`you already approved ${what} for ${side}`);
    const now = ctx.clock.now();
    // Refusals left (another person already approved this side; one person for both sides) are the domain's.
    const next = approveVersion(stored.domain, { id: actor.id, role: actor.role }, now);
    await insertApproval(trx, { versionId: stored.id, userId: actor.id, role: actor.role, at: now });
    const awaiting = side === 'marketing' ? 'sales (sales_manager or sales_ops)' : 'marketing';
    const entries: AuditEntry[] = [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'definition.approval_recorded',
        entityType: 'definition',
        entityId: stored.id,
        to: { kind, version, side, role: actor.role },
        reason:
          next.status === 'approved'
            ? `${side} approved ${what}; both sides have now agreed`
            : `${side} approved ${what}; awaiting ${awaiting}`,
        at: now,
      },
    ];
    if (next.status === 'approved') {
      await markApproved(trx, stored.id, { effectiveFrom: next.effectiveFrom, approvedAt: now });
      const clamped = next.effectiveFrom.getTime() !== stored.domain.requestedEffectiveFrom.getTime();
      entries.push({
        id: ctx.newId(),
        actorId: actor.id,
        action: 'definition.approved',
        entityType: 'definition',
        entityId: stored.id,
        to: {
          kind,
          version,
          effectiveFrom: next.effectiveFrom.toISOString(),
          approvers: next.approvals.map((a) => ({ side: a.side, userId: a.approverId, role: a.role })),
        },
        reason: `${what} is approved by marketing and sales and takes effect from ${next.effectiveFrom.toISOString()}${
          clamped
            ? ` (the requested ${stored.domain.requestedEffectiveFrom.toISOString()} had passed; never retroactively)`
            : ''
        }`,
        at: now,
      });
    }
    await appendAudit(trx, entries);
    // A version whose date has already come takes effect now, and says so in the log.
    await recordVersionsTakingEffect(trx, ctx);
    return reload(trx, kind, version);
  });
}

export async function rejectDefinitionVersion(
  ctx: ServiceContext,
  actor: Actor,
  kind: DefinitionKind,
  version: number,
  reason: string,
): Promise<StoredDefinitionVersion> {
  return ctx.db.transaction().execute(async (trx) => {
    const stored = await lockVersion(trx, ctx, kind, version);
    const what = describeVersion(kind, version);
    const proposer = stored.domain.proposedBy.id === actor.id;
    if (!approvalSideOfRole[actor.role] && !proposer) {
      throw new Forbidden(
        `the role ${actor.role} may not reject ${what}: marketing, sales_manager and sales_ops decide on definitions, and the proposer may withdraw their own`,
      );
    }
    refuseDecided(stored);
    const now = ctx.clock.now();
    await markRejected(trx, stored.id, { by: actor.id, reason, at: now });
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'definition.rejected',
        entityType: 'definition',
        entityId: stored.id,
        from: { status: 'pending' },
        to: { kind, version, status: 'rejected' },
        reason,
        at: now,
      },
    ]);
    return reload(trx, kind, version);
  });
}
