import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './db.js';

/** Real embedded PGlite (in memory), written through the store as the services write. */
describe('PGlite upkeep (what autovacuum does on a server)', () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  const stats = async (s: Store, table: string) => {
    const r = await sql<{ analyzed: boolean; vacuumed: boolean; estimate: number }>`
      SELECT t.last_analyze IS NOT NULL AS analyzed, t.last_vacuum IS NOT NULL AS vacuumed, c.reltuples::float8 AS estimate
      FROM pg_stat_user_tables t JOIN pg_class c ON c.oid = t.relid WHERE t.relname = ${table}`.execute(s.db);
    return r.rows[0];
  };
  const eventually = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 100));
    return check();
  };

  it('analyzes a table that grew, so the planner knows its size; vacuums one with many updated rows', async () => {
    store = await openStore({ memory: true });
    const s = store;
    await sql`CREATE TABLE upkeep_probe (id int PRIMARY KEY, note text)`.execute(s.db);
    expect(await stats(s, 'upkeep_probe')).toMatchObject({ analyzed: false, vacuumed: false });

    await sql`INSERT INTO upkeep_probe SELECT g, 'x' FROM generate_series(1, 2000) g`.execute(s.db);
    expect(await eventually(async () => (await stats(s, 'upkeep_probe'))?.analyzed === true)).toBe(true);
    expect((await stats(s, 'upkeep_probe'))?.estimate).toBe(2000);
    expect((await stats(s, 'upkeep_probe'))?.vacuumed).toBe(false);

    // 1,000 updated rows of 2,000: over 50 + 20% of the table's dead rows.
    await sql`UPDATE upkeep_probe SET note = 'y' WHERE id <= 1000`.execute(s.db);
    expect(await eventually(async () => (await stats(s, 'upkeep_probe'))?.vacuumed === true)).toBe(true);
  });

  it('analyzes a table grown by a WITH statement whose rows per table it cannot count', async () => {
    store = await openStore({ memory: true });
    const s = store;
    await sql`CREATE TABLE upkeep_with (id int PRIMARY KEY, note text)`.execute(s.db);
    await sql`WITH made AS (INSERT INTO upkeep_with SELECT g, repeat('x', 50) FROM generate_series(1, 3000) g RETURNING id)
      SELECT count(*) FROM made`.execute(s.db);
    expect(await eventually(async () => (await stats(s, 'upkeep_with'))?.analyzed === true)).toBe(true);
    expect((await stats(s, 'upkeep_with'))?.estimate).toBe(3000);
  });

  it('leaves a table alone below the threshold (50 rows + 10%)', async () => {
    store = await openStore({ memory: true });
    const s = store;
    await sql`CREATE TABLE upkeep_small (id int PRIMARY KEY)`.execute(s.db);
    await sql`INSERT INTO upkeep_small SELECT g FROM generate_series(1, 40) g`.execute(s.db);
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await stats(s, 'upkeep_small')).toMatchObject({ analyzed: false, vacuumed: false });
  });

  it('a store closed while a run is due closes cleanly', async () => {
    const s = await openStore({ memory: true });
    await sql`CREATE TABLE upkeep_close (id int PRIMARY KEY)`.execute(s.db);
    await sql`INSERT INTO upkeep_close SELECT g FROM generate_series(1, 500) g`.execute(s.db);
    await expect(s.close()).resolves.toBeUndefined();
  });
});
