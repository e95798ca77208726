/**
 * Monthly eligibility lists (SPEC §5.2 step 4): sales ops decide from attainment who receives
 * MQLs in a month; only reps on the list of the current month (Asia/Shanghai calendar,
 * eligibility-month.ts) are routed to. A PUT replaces the month's list as a whole.
 */
import { type FieldError, InvalidInput } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { lockKeys } from '../../store/advisory-locks.js';
import { appendAudit } from '../../store/repositories/audit.js';
import { findEligibility, listRoster, replaceEligibility } from '../../store/repositories/roster.js';
import type { ServiceContext } from '../context.js';
import { MONTH_PATTERN } from './eligibility-month.js';
import { REP_ROLE } from './reps.js';

export interface EligibilityList {
  month: string;
  /** In id order. */
  repIds: string[];
}

function checkMonth(month: string): void {
  if (!MONTH_PATTERN.test(month)) {
    throw new InvalidInput([
      {
        field: 'month',
        message: `"${month}" is not a month as yyyy-mm (e.g. 2026-03)`,
        messageZh: `“${month}”不是 yyyy-mm 格式的月份（如 2026-03）`,
      },
    ]);
  }
}

export async function readEligibility(ctx: ServiceContext, actor: Actor, month: string): Promise<EligibilityList> {
  authorize(actor, 'roster.read');
  checkMonth(month);
  return { month, repIds: (await findEligibility(ctx.db, month)).sort() };
}

/**
 * Replaces `month`'s list. Every id must be an active rep (role `sales`) with a routing
 * profile, or the whole list is refused with a 400 naming `repIds[i]`; repeats are dropped.
 */
export async function setEligibility(
  ctx: ServiceContext,
  actor: Actor,
  month: string,
  repIds: readonly string[],
): Promise<EligibilityList> {
  authorize(actor, 'roster.manage');
  checkMonth(month);
  const users = new Map((await listRoster(ctx.db, { ids: [...new Set(repIds)] })).map((u) => [u.id, u]));
  const errors: FieldError[] = [];
  repIds.forEach((id, i) => {
    const user = users.get(id);
    const field = `repIds[${i}]`;
    if (!user) errors.push({ field, message: `no user has the id "${id}"`, messageZh: `没有 id 为“${id}”的用户` });
    else if (user.role !== REP_ROLE)
      errors.push({
        field,
        message: `${user.name} has the role ${user.role}, not ${REP_ROLE}`,
        messageZh: `${user.name} 的角色是 ${user.role}，不是 ${REP_ROLE}`,
      });
    else if (!user.active)
      errors.push({ field, message: `${user.name} is deactivated`, messageZh: `${user.name} 已停用` });
    else if (!user.profile)
      errors.push({
        field,
        message: `${user.name} has no routing profile yet (PUT /reps/${id} first)`,
        messageZh: `${user.name} 还没有分配档案（请先 PUT /reps/${id}）`,
      });
  });
  if (errors.length > 0) throw new InvalidInput(errors);
  const next = [...new Set(repIds)].sort();
  await ctx.db.transaction().execute(async (trx) => {
    await lockKeys(trx, [`eligibility:${month}`]);
    const before = (await findEligibility(trx, month)).sort();
    if (before.length === next.length && before.every((id, i) => id === next[i])) return;
    await replaceEligibility(trx, month, next);
    const added = next.filter((id) => !before.includes(id));
    const removed = before.filter((id) => !next.includes(id));
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'eligibility.set',
        entityType: 'eligibility',
        entityId: month,
        from: { repIds: before },
        to: { repIds: next },
        reason: `+${added.length} −${removed.length}`,
        at: ctx.clock.now(),
      },
    ]);
  });
  return { month, repIds: next };
}
