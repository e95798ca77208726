/**
 * POST /definitions/{kind}/versions (SPEC §4.2): a new, pending version of a stage definition.
 * The criteria are checked against the frameworks in use (400 naming the bad criterion); the
 * version counts for nothing until one marketing and one sales approver agree.
 */
import { type DefinitionKind, definitionKindNames } from '../../domain/definitions/definition-body.js';
import { proposeVersion } from '../../domain/definitions/propose-version.js';
import { validateDefinitionBody } from '../../domain/definitions/validate-definition-body.js';
import { InvalidInput } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { lockKeys } from '../../store/advisory-locks.js';
import { appendAudit } from '../../store/repositories/audit.js';
import { findDefinitionVersionForUpdate, insertDefinitionVersion } from '../../store/repositories/definitions.js';
import type { ServiceContext } from '../context.js';
import { listFrameworks } from '../frameworks.js';
import { loadDefinitionHistory, recordVersionsTakingEffect, toStoredVersion } from './stored-version.js';

export async function proposeDefinitionVersion(
  ctx: ServiceContext,
  actor: Actor,
  kind: DefinitionKind,
  input: { criteria: unknown; effectiveFrom?: string; note?: string | null },
) {
  authorize(actor, 'definitions.propose');
  return ctx.db.transaction().execute(async (trx) => {
    await lockKeys(trx, [`definition:${kind}`]);
    await recordVersionsTakingEffect(trx, ctx);
    const checked = validateDefinitionBody({ kind, criteria: input.criteria }, await listFrameworks(trx));
    if (!checked.ok) throw new InvalidInput(checked.errors);
    const now = ctx.clock.now();
    const effectiveFrom = input.effectiveFrom ? new Date(input.effectiveFrom) : now;
    const history = await loadDefinitionHistory(trx, kind);
    const proposed = proposeVersion(
      history.map((v) => v.domain),
      checked.body,
      { id: actor.id, role: actor.role },
      effectiveFrom,
      now,
      input.note ?? undefined,
    );
    await insertDefinitionVersion(trx, {
      kind,
      version: proposed.version,
      body: proposed.body,
      effectiveFrom: proposed.requestedEffectiveFrom,
      proposedBy: actor.id,
      proposerRole: actor.role,
      note: proposed.note ?? null,
      at: now,
    });
    const row = await findDefinitionVersionForUpdate(trx, kind, proposed.version);
    if (!row) throw new Error('the proposed version vanished');
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'definition.proposed',
        entityType: 'definition',
        entityId: row.id,
        to: {
          kind,
          version: proposed.version,
          criteria: proposed.body.criteria,
          effectiveFrom: proposed.requestedEffectiveFrom.toISOString(),
          note: proposed.note ?? null,
        },
        reason: `${actor.role} proposed version ${proposed.version} of the ${definitionKindNames[kind].en} definition${
          proposed.note ? `: ${proposed.note}` : ''
        }`,
        at: now,
      },
    ]);
    return toStoredVersion(row);
  });
}
