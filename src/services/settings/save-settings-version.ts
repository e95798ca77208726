/**
 * Saving settings as a new version (scoring rules, routing rules and policy): the next version
 * number after the one in force, stored with who saved it and when, and an audit entry — all
 * in one transaction. Two saves at once collide on (kind, version): the second is a 409.
 */
import type { Actor } from '../../domain/roles.js';
import type { Queryable } from '../../store/db.js';
import { appendAudit } from '../../store/repositories/audit.js';
import { insertSettings, type SettingsKind } from '../../store/repositories/settings-versions.js';
import type { ServiceContext } from '../context.js';

export async function saveSettingsVersion(
  ctx: ServiceContext,
  actor: Actor,
  settings: {
    kind: SettingsKind;
    body: object;
    /** The version in force now (0 = LeadLoop's defaults). */
    currentVersion: (db: Queryable) => Promise<number>;
    audit: { action: string; entityType: string };
  },
): Promise<void> {
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const current = await settings.currentVersion(trx);
    const id = ctx.newId();
    await insertSettings(trx, settings.kind, {
      id,
      version: current + 1,
      body: settings.body,
      createdAt: at,
      createdBy: actor.id,
    });
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: settings.audit.action,
        entityType: settings.audit.entityType,
        entityId: id,
        from: { version: current },
        to: { version: current + 1 },
        at,
      },
    ]);
  });
}
