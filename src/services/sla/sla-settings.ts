/**
 * SLA policies (SPEC §6.2) saved as versions, like the routing settings: LeadLoop's defaults are
 * version 0 until sales ops or an admin saves their own. A change applies to clocks started from
 * then on; running clocks keep the deadline they were given.
 */
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { defaultSlaPolicy, type SlaPolicy } from '../../domain/sla/sla-policy.js';
import type { Queryable } from '../../store/db.js';
import { latestSettings } from '../../store/repositories/settings-versions.js';
import type { ServiceContext } from '../context.js';
import { saveSettingsVersion } from '../settings/save-settings-version.js';

export interface SlaSettings {
  version: number;
  policy: SlaPolicy;
  savedAt: Date | null;
  savedBy: string | null;
}

export async function slaSettingsInForce(db: Queryable): Promise<SlaSettings> {
  const stored = await latestSettings(db, 'sla');
  if (!stored) return { version: 0, policy: defaultSlaPolicy(), savedAt: null, savedBy: null };
  return {
    version: stored.version,
    policy: (stored.body as { policy: SlaPolicy }).policy,
    savedAt: stored.createdAt,
    savedBy: stored.createdBy,
  };
}

export async function readSlaSettings(ctx: ServiceContext, actor: Actor): Promise<SlaSettings> {
  authorize(actor, 'sla.read');
  return slaSettingsInForce(ctx.db);
}

/** `policy` has passed the HTTP schema (types and ranges). */
export async function saveSlaSettings(ctx: ServiceContext, actor: Actor, policy: SlaPolicy): Promise<SlaSettings> {
  authorize(actor, 'sla.manage');
  await saveSettingsVersion(ctx, actor, {
    kind: 'sla',
    body: { policy },
    currentVersion: async (db) => (await slaSettingsInForce(db)).version,
    audit: { action: 'sla.policy_changed', entityType: 'sla_policy' },
  });
  return slaSettingsInForce(ctx.db);
}
