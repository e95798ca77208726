/**
 * Weighted-rotation state (SPEC §5.2 step 3), exact under concurrent requests and several
 * server processes: a pick reads the pool's state with the pool's row locked (FOR UPDATE), and
 * writes the pick before the transaction commits, so two transfers choosing from one pool take
 * turns and the second sees the first's pick. Pools that do not share a key do not wait on each
 * other.
 */
import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { RotationState } from '../../domain/routing/routing-types.js';
import { preparedStatement } from '../prepared.js';
import { recordset } from '../recordset.js';
import type { Database } from '../schema.js';

/**
 * Locks the pool `poolKey` until the transaction ends and returns its state for `repIds`
 * (reps never picked in this pool are absent from `received` and `lastPick`). Creates the
 * pool's row on first use. Call it inside the transfer's transaction, right before choosing,
 * and call saveRotationPick in the same transaction.
 */
export async function loadRotationState(
  trx: Transaction<Database>,
  poolKey: string,
  repIds: readonly string[],
): Promise<RotationState> {
  // One statement creates the row on first use and locks it (waiting for a transaction holding
  // it), then reads the counters after the lock is granted (migration 024-routing-holds).
  const { rows } = await preparedStatement(
    sql<{
      pool: { last_department: string | null; counters: [string, number, number | null][] | null };
    }>`SELECT rotation_pool_hold(${poolKey}, ${[...repIds]}::text[]) AS pool`,
  ).execute(trx);
  const { last_department, counters } = rows[0].pool;
  const received: Record<string, number> = {};
  const lastPick: Record<string, number> = {};
  for (const [repId, count, last] of counters ?? []) {
    received[repId] = Number(count);
    if (last !== null) lastPick[repId] = Number(last);
  }
  return { received, lastPick, lastDepartment: last_department };
}

export interface RotationPick {
  repId: string;
  /** The picked rep's department (becomes the pool's lastDepartment). */
  department: string | null;
  /** When the pick happened (ctx.clock.now()); the database's time when absent. */
  at?: Date;
  /**
   * The rep's count in this pool after the pick, when the decision computed it (a new or
   * returning rep starts at the pool's average, not at zero). Absent: the stored count + 1.
   */
  receivedAfter?: number;
}

/**
 * Records a pick from `poolKey`: the pool's `seq` advances by one and becomes the rep's
 * `lastPick`, the rep's `received` grows by one (or is set to `receivedAfter`), and the pool's
 * `lastDepartment` becomes the rep's department. `seeded`: the starting counts of pool members
 * seen for the first time (a new pool, or a rep new to it starting at its weighted share), so
 * later picks compare against a stored count rather than re-seeding the rep forever; never the
 * picked rep. One statement; returns the pick's sequence number. Same transaction as
 * loadRotationState (the pool row is still locked).
 */
export async function saveRotationPick(
  trx: Transaction<Database>,
  poolKey: string,
  pick: RotationPick,
  seeded: readonly { repId: string; received: number }[] = [],
): Promise<number> {
  const write = rotationPickWrite(poolKey, pick, seeded);
  const { rows } = await sql<{ last_pick: string | number }>`WITH ${sql.join(write.ctes)}
    ${write.counter} RETURNING last_pick`.execute(trx);
  return Number(rows[0].last_pick);
}

/**
 * saveRotationPick's writes as parts of a bigger statement: `ctes` (named rotation_pool and
 * rotation_seeds, to put in its WITH list) and `counter`, the picked rep's counter upsert,
 * reading rotation_pool's new seq (a statement of its own or one more WITH entry).
 */
export function rotationPickWrite(
  poolKey: string,
  pick: RotationPick,
  seeded: readonly { repId: string; received: number }[] = [],
): { ctes: RawBuilder<unknown>[]; counter: RawBuilder<unknown> } {
  const at = pick.at ?? sql<Date>`now()`;
  const received = pick.receivedAfter ?? null;
  const ctes = [
    sql`rotation_pool AS (
      INSERT INTO rotation_pools (pool_key, last_department, seq, updated_at)
      VALUES (${poolKey}, ${pick.department}, 1, ${at})
      ON CONFLICT (pool_key) DO UPDATE
        SET seq = rotation_pools.seq + 1, last_department = excluded.last_department, updated_at = excluded.updated_at
      RETURNING seq
    )`,
  ];
  if (seeded.length) {
    ctes.push(sql`rotation_seeds AS (
        INSERT INTO rotation_counters (pool_key, rep_id, received, last_pick, updated_at)
        SELECT ${poolKey}::text, s.rep_id, s.received, NULL::bigint, ${at}::timestamptz FROM ${recordset(
          seeded.map((c) => ({ rep_id: c.repId, received: c.received })),
          [
            ['rep_id', 'text'],
            ['received', 'numeric'],
          ],
          's',
        )}
        ON CONFLICT (pool_key, rep_id) DO UPDATE SET received = excluded.received, updated_at = excluded.updated_at
      )`);
  }
  const counter = sql`INSERT INTO rotation_counters (pool_key, rep_id, received, last_pick, updated_at)
    SELECT ${poolKey}::text, ${pick.repId}::text, coalesce(${received}::numeric, 1), rotation_pool.seq, ${at}::timestamptz
      FROM rotation_pool
    ON CONFLICT (pool_key, rep_id) DO UPDATE
      SET received = coalesce(${received}::numeric, rotation_counters.received + 1),
          last_pick = excluded.last_pick, updated_at = excluded.updated_at`;
  return { ctes, counter };
}
