/**
 * The rep roster (SPEC §5.2): routing profiles, monthly eligibility lists, and what routing
 * reads of them at the moment of a decision (loadRepCandidates).
 */
import { type Selectable, sql, type Transaction } from 'kysely';
import type { RepCandidate } from '../../domain/routing/routing-types.js';
import { ownLockArguments } from '../advisory-locks.js';
import type { Queryable } from '../db.js';
import { preparedStatement } from '../prepared.js';
import type { Database, RepProfilesTable } from '../schema.js';

export type RepProfileRow = Selectable<RepProfilesTable>;

/** A user who is (or may become) a rep, with their profile when they have one. */
export interface RosterRow {
  id: string;
  name: string;
  email: string;
  role: string;
  team_id: string | null;
  active: boolean;
  profile: RepProfileRow | null;
}

export async function findRepProfile(db: Queryable, userId: string): Promise<RepProfileRow | undefined> {
  return db.selectFrom('rep_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Locks the profile row (when there is one) so a concurrent PUT waits and the audit diff is exact. */
export async function findRepProfileForUpdate(
  trx: Transaction<Database>,
  userId: string,
): Promise<RepProfileRow | undefined> {
  return trx.selectFrom('rep_profiles').selectAll().where('user_id', '=', userId).forUpdate().executeTakeFirst();
}

/** Writes the routing fields; breaches and suspension are the SLA's and are left as they are. */
export async function saveRepProfile(
  trx: Transaction<Database>,
  profile: Pick<
    RepProfileRow,
    'user_id' | 'regions' | 'industries' | 'level' | 'weight' | 'capacity' | 'department' | 'updated_at'
  >,
): Promise<void> {
  await trx
    .insertInto('rep_profiles')
    .values(profile)
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet((eb) => ({
        regions: eb.ref('excluded.regions'),
        industries: eb.ref('excluded.industries'),
        level: eb.ref('excluded.level'),
        weight: eb.ref('excluded.weight'),
        capacity: eb.ref('excluded.capacity'),
        department: eb.ref('excluded.department'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/** Users of role `sales` plus anyone holding a profile, by name; or just the given ids. */
export async function listRoster(db: Queryable, filter: { ids?: readonly string[] } = {}): Promise<RosterRow[]> {
  let q = db
    .selectFrom('users')
    .leftJoin('rep_profiles', 'rep_profiles.user_id', 'users.id')
    .select([
      'users.id',
      'users.name',
      'users.email',
      'users.role',
      'users.team_id',
      'users.active',
      'rep_profiles.user_id as p_user_id',
      'rep_profiles.regions',
      'rep_profiles.industries',
      'rep_profiles.level',
      'rep_profiles.weight',
      'rep_profiles.capacity',
      'rep_profiles.department',
      'rep_profiles.consecutive_breaches',
      'rep_profiles.suspended_until',
      'rep_profiles.updated_at as p_updated_at',
    ]);
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    q = q.where('users.id', 'in', [...filter.ids]);
  } else {
    q = q.where((eb) => eb.or([eb('users.role', '=', 'sales'), eb('rep_profiles.user_id', 'is not', null)]));
  }
  const rows = await q.orderBy('users.name').orderBy('users.id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role,
    team_id: r.team_id,
    active: r.active,
    profile:
      r.p_user_id === null
        ? null
        : {
            user_id: r.p_user_id,
            regions: r.regions ?? [],
            industries: r.industries ?? [],
            level: r.level ?? 1,
            weight: Number(r.weight),
            capacity: r.capacity ?? 0,
            department: r.department,
            consecutive_breaches: r.consecutive_breaches ?? 0,
            suspended_until: r.suspended_until,
            updated_at: r.p_updated_at as Date,
          },
  }));
}

/** Of `repIds`, those on the eligibility list of `month`. */
export async function eligibleAmong(db: Queryable, month: string, repIds: readonly string[]): Promise<Set<string>> {
  if (repIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('eligibility')
    .select('rep_id')
    .where('month', '=', month)
    .where('rep_id', 'in', [...repIds])
    .execute();
  return new Set(rows.map((r) => r.rep_id));
}

/**
 * Open undecided MQLs per rep (capacity, SPEC §5.2: pending hand-offs assigned or synced to
 * them), for the given reps (absent = 0). The count is kept by a trigger on handoffs
 * (migration 023-rep-load), in the transaction that changes a hand-off.
 */
export async function openMqlCounts(db: Queryable, repIds: readonly string[]): Promise<Map<string, number>> {
  if (repIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('rep_loads')
    .select(['rep_id', 'open_mqls'])
    .where('rep_id', 'in', [...repIds])
    .execute();
  return new Map(rows.map((r) => [r.rep_id, Number(r.open_mqls)]));
}

/**
 * Takes the rep's capacity lock (advisory-locks.ts ownLockArguments; only tried, never waited
 * for) and answers their open MQLs as of that moment (migration 024-routing-holds), counting
 * every hand-off committed to them by a transaction that held the lock; null when another
 * transaction holds the rep.
 */
export async function holdRepLoad(trx: Transaction<Database>, repId: string): Promise<number | null> {
  const { rows } = await preparedStatement(
    sql<{
      open_mqls: number | null;
    }>`SELECT rep_capacity_hold(${ownLockArguments(`rep-capacity:${repId}`)}, ${repId}) AS open_mqls`,
  ).execute(trx);
  return rows[0].open_mqls === null ? null : Number(rows[0].open_mqls);
}

/**
 * Locks the load rows (rep_loads) of `repIds` in rep id order, waiting for them: a transaction
 * that changes several reps' loads takes their rows in this one order before changing any, so
 * two such transactions never each hold a row the other waits for. A rep without a row yet has
 * nothing to lock (their first hand-off inserts it).
 */
export async function lockRepLoads(trx: Transaction<Database>, repIds: readonly string[]): Promise<void> {
  await sql`SELECT 1 FROM rep_loads WHERE rep_id = ANY(${[...new Set(repIds)]}::text[]) ORDER BY rep_id FOR UPDATE`.execute(
    trx,
  );
}

/** The rep ids on a month's list, in id order. */
export async function findEligibility(db: Queryable, month: string): Promise<string[]> {
  const rows = await db
    .selectFrom('eligibility')
    .select('rep_id')
    .where('month', '=', month)
    .orderBy('rep_id')
    .execute();
  return rows.map((r) => r.rep_id);
}

/** Replaces a month's list; the caller holds the month's lock (services/roster/eligibility.ts). */
export async function replaceEligibility(
  trx: Transaction<Database>,
  month: string,
  repIds: readonly string[],
): Promise<void> {
  await trx.deleteFrom('eligibility').where('month', '=', month).execute();
  for (let i = 0; i < repIds.length; i += 1000) {
    await trx
      .insertInto('eligibility')
      .values(repIds.slice(i, i + 1000).map((rep_id) => ({ month, rep_id })))
      .execute();
  }
}

/**
 * Every rep who can be routed to, as routing sees them now (SPEC §5.2 steps 2–4): each active
 * `sales` user with a profile, with whether they are on `month`'s eligibility list, their
 * suspension (null once it has ended by `now`) and their open MQLs (pending `assign`/`sync`
 * hand-offs, as rep_loads keeps them: openMqlCounts). Reps off the list, suspended or at
 * capacity are returned too, so the decision can say why it skipped them. Ordered by user id. Call it inside the transfer's transaction
 * (`trx`) so the counts are those the decision is stored with.
 */
export async function loadRepCandidates(trx: Queryable, args: { month: string; now: Date }): Promise<RepCandidate[]> {
  return repCandidatesOf(await repCandidatesQuery(trx, args.month).orderBy('u.id').execute(), args.now);
}

/** The roster's query (loadRepCandidates), unordered, to run alone or inside another statement. */
export function repCandidatesQuery(db: Queryable, month: string) {
  return db
    .selectFrom('rep_profiles as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select([
      'u.id',
      'u.name',
      'p.regions',
      'p.industries',
      'p.level',
      'p.weight',
      'p.capacity',
      'p.department',
      'p.suspended_until',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('eligibility as e')
              .select(sql`1`.as('one'))
              .where('e.month', '=', month)
              .whereRef('e.rep_id', '=', 'u.id'),
          )
          .as('eligible'),
      (eb) => eb.selectFrom('rep_loads as l').select('l.open_mqls').whereRef('l.rep_id', '=', 'u.id').as('open_mqls'),
    ])
    .where('u.active', '=', true)
    .where('u.role', '=', 'sales');
}

/** A row of repCandidatesQuery, as the driver or as JSON (timestamps as text) gives it. */
export interface RosterRowJson {
  id: string;
  name: string;
  regions: string[];
  industries: string[];
  level: number;
  weight: number | string;
  capacity: number;
  department: string | null;
  suspended_until: Date | string | null;
  eligible: boolean | number | null;
  open_mqls: number | string | null;
}

/**
 * The candidates of repCandidatesQuery's rows (in the rows' order); a suspension ended by `now`
 * is none. `loads`: open MQLs by rep read apart from the rows (absent = 0), instead of the rows'.
 */
export function repCandidatesOf(
  rows: readonly RosterRowJson[],
  at: Date,
  loads?: Readonly<Record<string, number>>,
): RepCandidate[] {
  const now = at.getTime();
  return rows.map((r) => {
    const suspended = r.suspended_until ? new Date(r.suspended_until) : null;
    return {
      id: r.id,
      name: r.name,
      regions: r.regions,
      industries: r.industries,
      level: r.level,
      weight: Number(r.weight),
      capacity: r.capacity,
      department: r.department,
      eligible: Boolean(r.eligible),
      suspendedUntil: suspended && suspended.getTime() > now ? suspended : null,
      openMqls: loads ? (loads[r.id] ?? 0) : Number(r.open_mqls ?? 0),
    };
  });
}
