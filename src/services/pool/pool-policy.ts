/**
 * GET/PUT /pool/policy: the pool's rules (domain/pool/pool-policy.ts) as settings versions of
 * kind 'pool'. LeadLoop's defaults are version 0 until an SDR lead, sales ops or an admin saves
 * their own; every save is a new version with an audit entry.
 */
import { InvalidInput } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { checkPoolPolicy, defaultPoolPolicy, type PoolPolicy } from '../../domain/pool/pool-policy.js';
import type { Actor } from '../../domain/roles.js';
import type { Queryable } from '../../store/db.js';
import { latestSettings } from '../../store/repositories/settings-versions.js';
import type { ServiceContext } from '../context.js';
import { saveSettingsVersion } from '../settings/save-settings-version.js';

export interface PoolSettings {
  version: number;
  policy: PoolPolicy;
  savedAt: Date | null;
  savedBy: string | null;
}

export async function poolSettingsInForce(db: Queryable): Promise<PoolSettings> {
  const stored = await latestSettings(db, 'pool');
  if (!stored) return { version: 0, policy: defaultPoolPolicy(), savedAt: null, savedBy: null };
  return {
    version: stored.version,
    // A version saved before a field existed reads that field's default.
    policy: { ...defaultPoolPolicy(), ...(stored.body as PoolPolicy) },
    savedAt: stored.createdAt,
    savedBy: stored.createdBy,
  };
}

export async function poolPolicyInForce(db: Queryable): Promise<PoolPolicy> {
  return (await poolSettingsInForce(db)).policy;
}

export async function readPoolPolicy(ctx: ServiceContext, actor: Actor): Promise<PoolSettings> {
  // Everyone who logs touches is bound by the contact rules, so everyone may read them.
  authorize(actor, 'leads.read');
  return poolSettingsInForce(ctx.db);
}

/** `policy` has passed the HTTP schema (types and ranges); zone, clock times and behaviours are checked here. */
export async function savePoolPolicy(ctx: ServiceContext, actor: Actor, policy: PoolPolicy): Promise<PoolSettings> {
  authorize(actor, 'pool.manage');
  const errors = checkPoolPolicy(policy);
  if (errors.length) throw new InvalidInput(errors);
  await saveSettingsVersion(ctx, actor, {
    kind: 'pool',
    body: policy,
    currentVersion: async (db) => (await poolSettingsInForce(db)).version,
    audit: { action: 'pool.policy_changed', entityType: 'pool_policy' },
  });
  return poolSettingsInForce(ctx.db);
}
