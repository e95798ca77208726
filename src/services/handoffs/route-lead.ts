/**
 * Choosing the rep for a lead inside the transfer's transaction (SPEC §5.2): gather what the
 * pure decision reads — the lead, a matching CRM account, this month's roster with loads, the
 * routing policy — lock the rotation pool the lead falls into, decide, and store the pick, so
 * picks stay exact when several processes transfer at once.
 *
 * Several leads routed in one transaction (direct-to-sales leads of a bulk capture) are routed
 * in pool-key order, so two such transactions take pool locks in the same order and never
 * deadlock; they share one roster read, whose loads are kept current as picks are made.
 */
import type { Transaction } from 'kysely';
import { chooseRep, narrowPool, type RoutingOutcome } from '../../domain/routing/choose-rep.js';
import { applyPick, changedReps, emptyRotationState } from '../../domain/routing/rotation.js';
import type {
  AccountMatch,
  RepCandidate,
  RotationState,
  RoutingDecision,
  RoutingLead,
  RoutingPolicy,
} from '../../domain/routing/routing-types.js';
import { type AccountMatchKeys, findAccountMatches } from '../../store/repositories/accounts.js';
import { holdRepLoad, loadRepCandidates } from '../../store/repositories/roster.js';
import { loadRotationState, rotationPickWrite, saveRotationPick } from '../../store/repositories/rotation.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { eligibilityMonth } from '../roster/eligibility-month.js';
import { routingSettingsInForce } from '../routing/routing-settings.js';

/** The roster and policy of one routing transaction. */
export interface RoutingRound {
  now: Date;
  policy: RoutingPolicy;
  candidates: RepCandidate[];
}

/** A lead ready to route: what the decision reads, and the pool it would rotate in. */
interface PlannedLead {
  lead: RoutingLead;
  account: AccountMatch | null;
  poolKey: string | null;
}

export async function startRoutingRound(trx: Transaction<Database>, ctx: ServiceContext): Promise<RoutingRound> {
  const now = ctx.clock.now();
  const { policy } = await routingSettingsInForce(trx);
  const candidates = await loadRepCandidates(trx, { month: eligibilityMonth(now), now });
  return { now, policy, candidates };
}

/** `excludeRepId`: a rep who must not get the lead again (recalled from them after a breach). */
export async function routeToRep(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  leadId: string,
  options: { excludeRepId?: string } = {},
): Promise<RoutingDecision> {
  const started = await startRoutingRound(trx, ctx);
  const round = options.excludeRepId
    ? { ...started, candidates: started.candidates.filter((c) => c.id !== options.excludeRepId) }
    : started;
  const [planned] = await planLeads(trx, round, [leadId]);
  return decide(trx, round, planned);
}

/** Routes several leads in one transaction, in pool-key order; answers by lead id. */
export async function routeLeadsToReps(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  leadIds: readonly string[],
): Promise<Map<string, RoutingDecision>> {
  const decisions = new Map<string, RoutingDecision>();
  if (leadIds.length === 0) return decisions;
  const round = await startRoutingRound(trx, ctx);
  const planned = await planLeads(trx, round, leadIds);
  planned.sort((a, b) => (a.poolKey ?? '').localeCompare(b.poolKey ?? '') || a.lead.id.localeCompare(b.lead.id));
  for (const p of planned) decisions.set(p.lead.id, await decide(trx, round, p));
  return decisions;
}

/** A lead's row as the transfer read (and locked) it: what routing reads of it. */
export interface RoutableLeadRow {
  id: string;
  region_code: string | null;
  industry: string | null;
  title: string | null;
  score: number;
  grade: string | null;
  company_key: string | null;
  fields: Record<string, unknown>;
}

/**
 * routeToRep for a transfer that read the lead, the roster and the lead's CRM account match
 * already (transfer-reads.ts), in its transaction: the pool is locked and the pick checked as
 * routeToRep does, but the pick's write is returned (rotation.ts rotationPickWrite), for the
 * caller to run with its own writes before commit; nothing reads the pool's rotation state in
 * between (the pool stays locked).
 */
export async function routeReadLead(
  trx: Transaction<Database>,
  round: RoutingRound,
  row: RoutableLeadRow,
  account: AccountMatch | null,
): Promise<{ decision: RoutingDecision; pickWrite: ReturnType<typeof rotationPickWrite> | null }> {
  const [planned] = planFromMatches(round, [row], new Map(account ? [[row.id, account]] : []));
  return decide(trx, round, planned, { deferPick: true });
}

async function planLeads(
  trx: Transaction<Database>,
  round: RoutingRound,
  leadIds: readonly string[],
): Promise<PlannedLead[]> {
  const rows = await trx
    .selectFrom('leads')
    .select(['id', 'region_code', 'industry', 'title', 'score', 'grade', 'company_key', 'fields'])
    .where('id', 'in', [...leadIds])
    .execute();
  return planRows(trx, round, rows);
}

async function planRows(
  trx: Transaction<Database>,
  round: RoutingRound,
  rows: readonly RoutableLeadRow[],
): Promise<PlannedLead[]> {
  return planFromMatches(round, rows, await findAccountMatches(trx, rows.map(accountKeysOf)));
}

/** What a lead's row is matched to a CRM account on (accounts.ts findAccountMatches). */
export function accountKeysOf(row: Pick<RoutableLeadRow, 'id' | 'company_key' | 'fields'>): AccountMatchKeys {
  return { id: row.id, companyKey: row.company_key, creditCode: creditCodeOf(row.fields) };
}

function planFromMatches(
  round: RoutingRound,
  rows: readonly RoutableLeadRow[],
  accounts: ReadonlyMap<string, AccountMatch>,
): PlannedLead[] {
  const planned: PlannedLead[] = [];
  for (const row of rows) {
    const lead: RoutingLead = {
      id: row.id,
      regionCode: row.region_code,
      industry: row.industry,
      title: row.title,
      score: row.score,
      grade: row.grade,
    };
    const account = accounts.get(row.id) ?? null;
    const { poolKey } = account?.ownerId ? { poolKey: null } : narrowPool({ ...round, lead });
    planned.push({ lead, account, poolKey });
  }
  return planned;
}

async function decide(trx: Transaction<Database>, round: RoutingRound, planned: PlannedLead): Promise<RoutingDecision>;
async function decide(
  trx: Transaction<Database>,
  round: RoutingRound,
  planned: PlannedLead,
  options: { deferPick: true },
): Promise<{ decision: RoutingDecision; pickWrite: ReturnType<typeof rotationPickWrite> | null }>;
async function decide(
  trx: Transaction<Database>,
  round: RoutingRound,
  planned: PlannedLead,
  options: { deferPick?: boolean } = {},
): Promise<RoutingDecision | { decision: RoutingDecision; pickWrite: ReturnType<typeof rotationPickWrite> | null }> {
  const input = { ...round, lead: planned.lead, account: planned.account };
  let state: RotationState;
  let outcome: RoutingOutcome;
  let pickWrite: ReturnType<typeof rotationPickWrite> | null = null;
  // Each time the pick turns out full under its own lock, that rep drops out of the pool and
  // the (narrower) pool is locked and chosen from again: at most once per rep of the pool.
  do {
    state = planned.account?.ownerId ? emptyRotationState() : await lockPool(trx, input);
    outcome = chooseRep({ ...input, rotation: () => state });
  } while (outcome.rotation && !(await holdBelowCapacity(trx, round, outcome.rotation.repId)));
  if (outcome.rotation && outcome.poolKey) {
    const pick = outcome.rotation;
    const after = applyPick(state, pick);
    // Members seen for the first time keep the count the pick gave them (their share, not zero).
    const seeded = changedReps(state, after).filter((id) => id !== pick.repId);
    const write: Parameters<typeof saveRotationPick> = [
      trx,
      outcome.poolKey,
      { repId: pick.repId, department: pick.department, at: round.now, receivedAfter: after.received[pick.repId] },
      seeded.map((repId) => ({ repId, received: after.received[repId] })),
    ];
    if (options.deferPick) pickWrite = rotationPickWrite(write[1], write[2], write[3]);
    else await saveRotationPick(...write);
  }
  // The rep's load grows with this hand-off: later leads of the round see it.
  const picked = round.candidates.find((c) => c.id === outcome.repId);
  if (picked) picked.openMqls += 1;
  const { rotation: _pick, ...decision } = outcome;
  return options.deferPick ? { decision, pickWrite } : decision;
}

/**
 * Locks the rotation pool the lead falls into and returns its state. The pool is known before
 * any rotation state is read, so its counters are locked first. Loads are not read again here:
 * the rep picked is checked against capacity under their own lock (holdBelowCapacity), and one
 * found full meanwhile leaves the pool, which is then narrowed and locked again.
 */
async function lockPool(trx: Transaction<Database>, input: Parameters<typeof narrowPool>[0]): Promise<RotationState> {
  const { pool, poolKey } = narrowPool(input);
  if (poolKey === null) return emptyRotationState();
  return loadRotationState(
    trx,
    poolKey,
    pool.map((r) => r.id),
  );
}

/**
 * A rep in two pools can be picked by two transfers at once, each holding only its own pool's
 * lock: the pick also locks the rep (transaction-scoped, until commit) and reads their load
 * again, now counting every hand-off committed to them meanwhile. Below capacity: the pick
 * stands, and a transfer picking them next waits for this one's commit and counts its hand-off.
 * At capacity: the rep is marked full for the rest of the round.
 *
 * The rep's lock is only ever tried, never waited for: this transaction holds pool locks (and,
 * routing a batch, reps picked for earlier leads), so waiting could close a cycle with a
 * transfer that holds the rep and waits for one of those pools. A rep held elsewhere is tried
 * again for a moment (the holder commits within milliseconds); still held, they count as full
 * for this lead, so a transfer never stalls and never overfills them.
 */
async function holdBelowCapacity(trx: Transaction<Database>, round: RoutingRound, repId: string): Promise<boolean> {
  const rep = round.candidates.find((c) => c.id === repId) as RepCandidate;
  let load = await holdRepLoad(trx, repId);
  for (let attempt = 0; load === null; attempt++) {
    if (attempt === REP_LOCK_RETRIES_MS.length) {
      rep.openMqls = Math.max(rep.openMqls, rep.capacity);
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, REP_LOCK_RETRIES_MS[attempt]));
    load = await holdRepLoad(trx, repId);
  }
  rep.openMqls = load;
  return rep.openMqls < rep.capacity;
}

/** Pauses between tries of a rep held by another transfer: about a quarter of a second in all. */
const REP_LOCK_RETRIES_MS = [1, 2, 4, 8, 16, 32, 64, 128];

/** A unified social credit code a person or enrichment put on the lead. */
export function creditCodeOf(fields: Record<string, unknown>): string | null {
  const code = fields.creditCode ?? fields.统一社会信用代码;
  return typeof code === 'string' && code.trim() ? code : null;
}
