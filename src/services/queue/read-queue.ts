/**
 * GET /queue (SPEC §10, §6.1, §7): an SDR's prioritised work queue — MRL first, then SLA-due,
 * then re-surfaced, then score (domain/queue/rank-queue.ts), each item with the reason it sits
 * where it does.
 *
 * What is in it: the SDR's own `new` and `working` leads, and by default the shared SDR queue
 * of unowned `new` leads (every SDR sees it, as their lead scope does): that is where inbound
 * leads wait for first touch, the speed-to-lead deadline (§6.2) is on them, and re-surfaced
 * leads come back there (§7) — leaving them out by default would hide the deadlines the queue
 * exists to show. `scope=own` narrows to the SDR's own leads.
 *
 * Whose: the caller's. An SDR lead may read a member of their team's (`sdrId`), an admin anyone's.
 *
 * `sort=predicted` orders what follows the obligations by the active model's probability (§4.3)
 * instead of the rule score, among the best-scored leads of a wider window (PREDICTED_WINDOW):
 * probabilities are computed when asked for, not kept on every lead.
 */
import { Forbidden, InvalidInput, NotFound } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import {
  compareQueuePositions,
  DEFAULT_DUE_WITHIN_MS,
  type QueueCandidate,
  type QueueEntry,
  type QueuePosition,
  type QueuePriority,
  queuePriorities,
  rankQueue,
  slaTimerKinds,
} from '../../domain/queue/rank-queue.js';
import type { Actor } from '../../domain/roles.js';
import type { LeadRow } from '../../store/repositories/leads.js';
import {
  loadFacts,
  mrlIds,
  type QueueQuery,
  resurfacedIds,
  scoreTier,
  slaDueIds,
  type TierKey,
} from '../../store/repositories/queue.js';
import { findUser } from '../../store/repositories/users.js';
import type { ServiceContext } from '../context.js';
import { predictProbabilities } from '../predictive/predict-leads.js';

export const QUEUE_DEFAULT_LIMIT = 50;
export const QUEUE_MAX_LIMIT = 200;
/** How many of the best-scored leads `sort=predicted` reorders by probability. */
export const PREDICTED_WINDOW = 1000;
const sdrRoles: readonly string[] = ['sdr', 'sdr_lead'];

export type QueueSort = 'score' | 'predicted';

export interface QueueQueryInput {
  sdrId?: string;
  scope?: 'all' | 'own';
  limit?: number;
  sort?: QueueSort;
  cursor?: string;
}

export interface QueueItem extends Omit<QueueEntry, 'leadId' | 'position'> {
  lead: LeadRow;
  /** The active model's probability; null when no model is active. */
  predicted: number | null;
}

/**
 * GET /queue's cursor: a keyset position in the ranking (the last item's QueuePosition), so a
 * walk reads each lead at most once and skips none of those that stay where they were. Between
 * pages the queue may change; the next page is always "what ranks after the last lead shown, as
 * the queue is now":
 * - a lead claimed by someone else, released, handed off or touched out of its tier drops out
 *   (if not shown yet) — nothing else moves;
 * - a new lead, or one that moved up, ranking before the cursor is not shown in this walk (it is
 *   on page 1 of the next one); one ranking after the cursor is shown in its place;
 * - a lead whose own sort key changed (a touch, a new score) may cross the cursor: shown twice or
 *   not at all in this walk, as anywhere else in a live list.
 * `sort=predicted`: the window (the PREDICTED_WINDOW best-scored leads of the score tier, the
 * leads reordered by probability) is fixed when the walk first reaches the score tier: the
 * cursor keeps its last lead's score key, so later pages neither repeat a lead that a newcomer
 * pushed out of the window nor skip one that moved in. After the window, the rest of the score
 * tier follows by score (their probabilities are shown, not ranked on).
 */
interface QueueCursor {
  sort: QueueSort;
  position: QueuePosition;
  /** sort=predicted: the window's last lead; null when the score tier was empty; undefined before the score tier. */
  window?: TierKey | null;
}

const iso = (d: Date) => d.toISOString();

function encodeQueueCursor(c: QueueCursor): string {
  const p = c.position;
  const key = (k: TierKey) => ({ s: k.score, c: iso(k.createdAt), i: k.id });
  const body = {
    o: c.sort,
    t: p.priority,
    a: p.at ? iso(p.at) : null,
    p: p.predicted,
    s: p.score,
    c: iso(p.createdAt),
    i: p.leadId,
    ...(c.window === undefined ? {} : { w: c.window === null ? null : key(c.window) }),
  };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

function decodeQueueCursor(cursor: string, sort: QueueSort): QueueCursor {
  const bad = (message: string, messageZh: string) => new InvalidInput([{ field: 'query.cursor', message, messageZh }]);
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad('is not a cursor this API returned', '不是本接口返回的游标');
  }
  const when = (x: unknown): Date | undefined => {
    if (typeof x !== 'string') return undefined;
    const d = new Date(x);
    if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1970 || d.getUTCFullYear() > 9999) return undefined;
    return d.toISOString() === x ? d : undefined;
  };
  const id = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= 100;
  // Scores are integers (a PostgreSQL integer column).
  const score = (x: unknown): x is number => Number.isInteger(x) && Math.abs(x as number) < 2 ** 31;
  const keyOf = (x: unknown): TierKey | null | undefined => {
    if (x === null) return null;
    const k = x as Record<string, unknown> | undefined;
    const createdAt = when(k?.c);
    if (!k || !score(k.s) || !createdAt || !id(k.i)) return undefined;
    return { at: null, score: k.s, createdAt, id: k.i };
  };
  const ok =
    v !== null &&
    typeof v === 'object' &&
    (queuePriorities as readonly unknown[]).includes(v.t) &&
    (v.a === null || when(v.a)) &&
    (v.p === null || (typeof v.p === 'number' && v.p >= 0 && v.p <= 1)) &&
    score(v.s) &&
    when(v.c) &&
    id(v.i) &&
    (v.o === 'score' || v.o === 'predicted') &&
    (!('w' in v) || keyOf(v.w) !== undefined);
  if (!ok) throw bad('is not a cursor this API returned', '不是本接口返回的游标');
  if (v.o !== sort)
    throw bad(
      `was made for sort=${v.o}; walk on with the same sort, or start again`,
      `该游标对应 sort=${v.o}；请用相同的排序继续翻页，或从头开始`,
    );
  const priority = v.t as QueuePriority;
  if ((priority === 'sla_due' || priority === 'resurfaced') && v.a === null)
    throw bad('is not a cursor this API returned', '不是本接口返回的游标');
  return {
    sort,
    position: {
      priority,
      at: v.a === null ? null : (when(v.a) as Date),
      predicted: v.p as number | null,
      score: v.s as number,
      createdAt: when(v.c) as Date,
      leadId: v.i as string,
    },
    window: 'w' in v ? keyOf(v.w) : undefined,
  };
}

const tierKeyOf = (p: QueuePosition): TierKey => ({ at: p.at, score: p.score, createdAt: p.createdAt, id: p.leadId });

export async function readQueue(
  ctx: ServiceContext,
  actor: Actor,
  input: QueueQueryInput,
): Promise<{ sdrId: string; items: QueueItem[]; nextCursor: string | null }> {
  authorize(actor, 'queue.read');
  const sort = input.sort ?? 'score';
  const cursor = input.cursor === undefined ? undefined : decodeQueueCursor(input.cursor, sort);
  const sdrId = await queueHolder(ctx, actor, input.sdrId);
  const limit = Math.min(input.limit ?? QUEUE_DEFAULT_LIMIT, QUEUE_MAX_LIMIT);
  const now = ctx.clock.now();
  const q: QueueQuery = {
    sdrId,
    includeUnowned: (input.scope ?? 'all') === 'all',
    slaKinds: slaTimerKinds,
    dueBefore: new Date(now.getTime() + DEFAULT_DUE_WITHIN_MS),
  };

  // One more than the page, tier by tier from the cursor's on: is there a next page?
  const want = limit + 1;
  const ids: string[] = [];
  /** sort=predicted: the page's leads ranked by probability (the window's). */
  let windowed = new Map<string, number>();
  let window = cursor?.window;
  const first = cursor ? queuePriorities.indexOf(cursor.position.priority) : 0;
  for (let tier = first; tier < queuePriorities.length && ids.length < want; tier++) {
    const priority = queuePriorities[tier];
    const after = cursor && tier === first ? tierKeyOf(cursor.position) : undefined;
    const read = { after, limit: want - ids.length };
    if (priority === 'mrl') ids.push(...(await mrlIds(ctx.db, q, read)));
    else if (priority === 'sla_due') ids.push(...(await slaDueIds(ctx.db, q, read)));
    else if (priority === 'resurfaced') ids.push(...(await resurfacedIds(ctx.db, q, read)));
    else if (sort === 'predicted') {
      const page = await predictedScorePage(
        ctx,
        q,
        cursor?.position.priority === 'score' ? cursor : undefined,
        window,
        read.limit,
      );
      ids.push(...page.ids);
      windowed = page.windowed;
      window = page.window;
    } else ids.push(...(await scoreTier(ctx.db, q, read)).map((k) => k.id));
  }

  const pageIds = ids.slice(0, limit);
  const facts = await loadFacts(ctx.db, pageIds, q.slaKinds);
  const predictions = await predictProbabilities(ctx, pageIds);
  const candidates: QueueCandidate[] = facts.leads.map((l) => ({
    leadId: l.id,
    score: l.score,
    grade: l.grade,
    createdAt: new Date(l.created_at),
    flags: l.flags,
    lastTouchAt: l.last_touch_at ? new Date(l.last_touch_at) : null,
    returned: facts.returns.get(l.id) ?? null,
    timers: facts.timers.get(l.id) ?? [],
    resurfaced: l.resurfaced_at ? { trigger: l.resurfaced_trigger, at: new Date(l.resurfaced_at) } : null,
    predicted: predictions?.probabilities.get(l.id) ?? null,
    // Ranked on inside the window only (the score tier's; the other tiers ignore it).
    beyondWindow: sort === 'predicted' && !windowed.has(l.id),
  }));
  const rows = new Map(facts.leads.map((l) => [l.id, l]));
  const ranked = rankQueue(candidates, { now, dueWithinMs: DEFAULT_DUE_WITHIN_MS, by: sort });
  const items = ranked.map(({ leadId, position: _, ...entry }) => ({
    lead: rows.get(leadId) as LeadRow,
    ...entry,
    predicted: predictions?.probabilities.get(leadId) ?? null,
  }));
  const last = ranked.at(-1);
  const nextCursor =
    ids.length > limit && last
      ? encodeQueueCursor({ sort, position: last.position, ...(sort === 'predicted' ? { window } : {}) })
      : null;
  return { sdrId, items, nextCursor };
}

/**
 * sort=predicted, the score tier: the window's leads by probability from the cursor on, then
 * the rest of the tier by score. Without an active model, the score tier by score.
 */
async function predictedScorePage(
  ctx: ServiceContext,
  q: QueueQuery,
  cursor: QueueCursor | undefined,
  fixed: TierKey | null | undefined,
  limit: number,
): Promise<{ ids: string[]; windowed: Map<string, number>; window: TierKey | null | undefined }> {
  const windowed = new Map<string, number>();
  const after = cursor ? tierKeyOf(cursor.position) : undefined;
  // Past the window already (or no model was active when the walk reached the tier): by score.
  if (cursor && cursor.position.predicted === null) {
    const rest = await scoreTier(ctx.db, q, { after, past: fixed ?? undefined, limit });
    return { ids: rest.map((k) => k.id), windowed, window: fixed };
  }
  const keys =
    fixed === undefined
      ? await scoreTier(ctx.db, q, { limit: PREDICTED_WINDOW })
      : fixed === null
        ? []
        : await scoreTier(ctx.db, q, { upTo: fixed });
  const window = fixed === undefined ? (keys.at(-1) ?? null) : fixed;
  const predictions = await predictProbabilities(
    ctx,
    keys.map((k) => k.id),
  );
  if (!predictions) {
    // No model: no window either (a cursor without one walks on by score).
    const plain = await scoreTier(ctx.db, q, { after, limit });
    return { ids: plain.map((k) => k.id), windowed, window: undefined };
  }
  const positions = keys
    .map(
      (k): QueuePosition => ({
        priority: 'score',
        at: null,
        predicted: predictions.probabilities.get(k.id) ?? null,
        score: k.score,
        createdAt: k.createdAt,
        leadId: k.id,
      }),
    )
    .sort(compareQueuePositions)
    .filter((p) => !cursor || compareQueuePositions(p, cursor.position) > 0)
    .slice(0, limit);
  for (const p of positions) if (p.predicted !== null) windowed.set(p.leadId, p.predicted);
  const ids = positions.map((p) => p.leadId);
  if (ids.length < limit) {
    const rest = await scoreTier(ctx.db, q, { past: window ?? undefined, limit: limit - ids.length });
    ids.push(...rest.map((k) => k.id));
  }
  return { ids, windowed, window };
}

async function queueHolder(ctx: ServiceContext, actor: Actor, sdrId: string | undefined): Promise<string> {
  if (!sdrId || sdrId === actor.id) return actor.id;
  if (actor.role === 'sdr') throw new Forbidden('an SDR reads their own queue; leave out sdrId');
  const user = await findUser(ctx.db, sdrId);
  if (!user) throw new NotFound(`user ${sdrId}`);
  if (actor.role === 'sdr_lead' && (!actor.teamId || user.team_id !== actor.teamId)) {
    throw new Forbidden("this person is not on your team; an SDR lead reads their own team's queues");
  }
  if (!sdrRoles.includes(user.role)) {
    throw new InvalidInput([
      {
        field: 'query.sdrId',
        message: `${sdrId} is a ${user.role}, not an SDR`,
        messageZh: `${sdrId} 是 ${user.role}，不是 SDR`,
      },
    ]);
  }
  return user.id;
}
