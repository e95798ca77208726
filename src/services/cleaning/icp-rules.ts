/**
 * GET/PUT /icp-rules (SPEC §3): the ideal-customer-profile rules as data. A new list applies to
 * leads captured from then on, and to leads re-checked later (reapplyIcpRules); it does not
 * rewrite what happened to earlier leads.
 */
import type { IcpRule } from '../../domain/cleaning/icp-rules.js';
import { validateIcpRules } from '../../domain/cleaning/validate-icp-rules.js';
import { InvalidInput } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { appendAudit } from '../../store/repositories/audit.js';
import { loadIcpRules, replaceIcpRules } from '../../store/repositories/cleaning.js';
import type { ServiceContext } from '../context.js';
import { activeReasonCodes } from './reasons.js';

export async function readIcpRules(ctx: ServiceContext, actor: Actor): Promise<IcpRule[]> {
  authorize(actor, 'icp.read');
  return loadIcpRules(ctx.db);
}

export async function saveIcpRules(ctx: ServiceContext, actor: Actor, rules: unknown): Promise<IcpRule[]> {
  authorize(actor, 'icp.manage');
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    // The reasons lock also orders this against a reasons edit that checks which codes rules use.
    await trx.selectFrom('reasons').select('code').where('kind', '=', 'disqualify').forUpdate().execute();
    const before = await loadIcpRules(trx);
    const checked = validateIcpRules(rules, new Set(await activeReasonCodes(trx, 'disqualify')), ctx.newId);
    if (!checked.ok) throw new InvalidInput(checked.errors);
    await replaceIcpRules(trx, checked.rules, at);
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'icp_rules.replaced',
        entityType: 'settings',
        entityId: 'icp_rules',
        from: { rules: before },
        to: { rules: checked.rules },
        at,
      },
    ]);
    return checked.rules;
  });
}
