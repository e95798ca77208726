/**
 * Routing settings (SPEC §5): the ordered routing rules (§5.1) and the routing policy (§5.2:
 * N and M of the CRM conflict rule, partial credit, balance, skill) saved together as one
 * version. LeadLoop's defaults are version 0 until an admin or sales ops saves their own.
 */
import { InvalidInput } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { defaultRoutingPolicy } from '../../domain/routing/routing-policy.js';
import { defaultRoutingRules, type RoutingRule } from '../../domain/routing/routing-rules.js';
import type { RoutingPolicy } from '../../domain/routing/routing-types.js';
import { validateRoutingRules } from '../../domain/routing/validate-routing-rules.js';
import type { Queryable } from '../../store/db.js';
import { latestSettings } from '../../store/repositories/settings-versions.js';
import type { ServiceContext } from '../context.js';
import { saveSettingsVersion } from '../settings/save-settings-version.js';

export interface RoutingSettings {
  version: number;
  rules: RoutingRule[];
  policy: RoutingPolicy;
  savedAt: Date | null;
  savedBy: string | null;
}

export async function routingSettingsInForce(db: Queryable): Promise<RoutingSettings> {
  const stored = await latestSettings(db, 'routing');
  if (!stored) {
    return { version: 0, rules: defaultRoutingRules(), policy: defaultRoutingPolicy(), savedAt: null, savedBy: null };
  }
  const body = stored.body as { rules: RoutingRule[]; policy: RoutingPolicy };
  return {
    version: stored.version,
    rules: body.rules,
    policy: body.policy,
    savedAt: stored.createdAt,
    savedBy: stored.createdBy,
  };
}

export async function readRoutingSettings(ctx: ServiceContext, actor: Actor): Promise<RoutingSettings> {
  authorize(actor, 'routing.read');
  return routingSettingsInForce(ctx.db);
}

/** `policy` has passed the HTTP schema (types and ranges); the rules are checked here. */
export async function saveRoutingSettings(
  ctx: ServiceContext,
  actor: Actor,
  input: { rules: unknown; policy: RoutingPolicy },
): Promise<RoutingSettings> {
  authorize(actor, 'routing.manage');
  const checked = validateRoutingRules(input.rules);
  if (!checked.ok) throw new InvalidInput(checked.errors);
  await saveSettingsVersion(ctx, actor, {
    kind: 'routing',
    body: { rules: checked.rules, policy: input.policy },
    currentVersion: async (db) => (await routingSettingsInForce(db)).version,
    audit: { action: 'routing.settings_changed', entityType: 'routing_settings' },
  });
  return routingSettingsInForce(ctx.db);
}
