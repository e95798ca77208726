/**
 * GET/PUT /reasons/{kind}: the reason taxonomies (domain/cleaning/reasons.ts). A replaced list
 * keeps every used reason (deactivated) and refuses to drop a reason the system gives itself.
 */
import { junkReasons } from '../../domain/cleaning/detect-junk.js';
import {
  isReasonKind,
  type PinnedWhy,
  planReasonList,
  type ReasonKind,
  type StoredReason,
} from '../../domain/cleaning/reasons.js';
import { InvalidInput, NotFound } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import type { DB } from '../../store/db.js';
import { appendAudit } from '../../store/repositories/audit.js';
import { listReasons, loadIcpRules, saveReasons } from '../../store/repositories/cleaning.js';
import type { ServiceContext } from '../context.js';

function reasonKind(kind: string): ReasonKind {
  if (!isReasonKind(kind)) throw new NotFound(`reason list "${kind}"`);
  return kind;
}

export async function readReasons(ctx: ServiceContext, actor: Actor, kind: string): Promise<StoredReason[]> {
  authorize(actor, 'reasons.read');
  return listReasons(ctx.db, reasonKind(kind));
}

/** Codes of the active reasons of a kind (what a person may pick now). */
export async function activeReasonCodes(db: DB, kind: ReasonKind): Promise<string[]> {
  return (await listReasons(db, kind)).filter((r) => r.active).map((r) => r.code);
}

/** Reasons the system gives by itself, with why: they may be relabelled, not removed or switched off. */
async function pinnedReasons(db: DB, kind: ReasonKind): Promise<Map<string, PinnedWhy>> {
  const pinned = new Map<string, PinnedWhy>();
  if (kind !== 'disqualify') return pinned;
  for (const code of junkReasons) pinned.set(code, { en: 'given by junk detection', zh: '垃圾线索识别给出的原因' });
  for (const rule of await loadIcpRules(db)) {
    if (rule.enabled && !pinned.has(rule.reason)) {
      pinned.set(rule.reason, { en: `the reason of the ICP rule "${rule.id}"`, zh: `ICP 规则“${rule.id}”使用的原因` });
    }
  }
  return pinned;
}

export async function replaceReasons(
  ctx: ServiceContext,
  actor: Actor,
  kind: string,
  items: unknown,
): Promise<StoredReason[]> {
  authorize(actor, 'reasons.manage');
  const k = reasonKind(kind);
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    // Serialise edits of one list: two admins saving at once must not interleave.
    await trx.selectFrom('reasons').select('code').where('kind', '=', k).forUpdate().execute();
    const current = await listReasons(trx, k);
    const result = planReasonList(current, items, await pinnedReasons(trx, k));
    if (!result.ok) throw new InvalidInput(result.errors);
    await saveReasons(trx, k, result.plan.reasons, result.plan.removed, at);
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'reasons.replaced',
        entityType: 'reasons',
        entityId: k,
        from: { reasons: current.map(({ used, ...r }) => r) },
        to: { reasons: result.plan.reasons, removed: result.plan.removed },
        at,
      },
    ]);
    return listReasons(trx, k);
  });
}
