/**
 * Routing's two locks, each with the read that must follow it, in one round trip instead of two
 * (a transfer sends them on every auto routing):
 *
 * - rotation_pool_hold: locks a rotation pool (creating its row on first use, waiting for a
 *   transaction holding it) and returns its last department and the counters of the given reps.
 * - rep_capacity_hold: tries a rep's capacity lock (a transaction-scoped advisory lock, never
 *   waited for) and, when taken, returns the rep's open MQLs (rep_loads; absent = 0); NULL when
 *   another transaction holds the rep.
 *
 * The read must see what the transaction that held the lock committed. One SQL statement
 * cannot: its snapshot is taken before the lock is granted. A VOLATILE function's statements
 * each take a fresh snapshot (READ COMMITTED), so the read after the lock inside the function
 * sees it.
 */
import type { Kysely } from 'kysely';
import { executeScript } from './script.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    CREATE FUNCTION rotation_pool_hold(p_pool_key text, p_rep_ids text[]) RETURNS json
      LANGUAGE plpgsql VOLATILE AS $$
    DECLARE
      department text;
    BEGIN
      INSERT INTO rotation_pools (pool_key, last_department, updated_at) VALUES (p_pool_key, NULL, NULL)
        ON CONFLICT (pool_key) DO UPDATE SET pool_key = excluded.pool_key
        RETURNING last_department INTO department;
      RETURN json_build_object(
        'last_department', department,
        'counters', (SELECT json_agg(json_build_array(c.rep_id, c.received, c.last_pick))
                       FROM rotation_counters c
                      WHERE c.pool_key = p_pool_key AND c.rep_id = ANY (p_rep_ids)));
    END
    $$;

    CREATE FUNCTION rep_capacity_hold(p_lock_space integer, p_lock_key integer, p_rep_id text) RETURNS integer
      LANGUAGE plpgsql VOLATILE AS $$
    BEGIN
      IF NOT pg_try_advisory_xact_lock(p_lock_space, p_lock_key) THEN
        RETURN NULL;
      END IF;
      RETURN coalesce((SELECT open_mqls FROM rep_loads WHERE rep_id = p_rep_id), 0);
    END
    $$;
    `,
  );
}
