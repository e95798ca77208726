import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgresDatabase } from '../../test/support/postgres.js';
import { openStore, type Store } from './db.js';
import { preparedStatement } from './prepared.js';

/**
 * Named statements on a PostgreSQL server (prepared.ts): one connection, so each call reuses
 * the statement the first prepared. PostgreSQL only: PGlite ignores the mark.
 */
describe.runIf(Boolean(process.env.LEADLOOP_TEST_DATABASE_URL))('prepared statements (PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  let store: Store;
  beforeAll(async () => {
    database = await freshPostgresDatabase(process.env.LEADLOOP_TEST_DATABASE_URL as string);
    store = await openStore({ databaseUrl: database.url }, { migrate: false });
    await sql`CREATE TABLE probe (id int PRIMARY KEY, note text)`.execute(store.db);
    await sql`INSERT INTO probe VALUES (1, 'one'), (2, 'two')`.execute(store.db);
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  const probe = (id: number) => preparedStatement(sql<Record<string, unknown>>`SELECT * FROM probe WHERE id = ${id}`);

  it('prepares a marked statement once per connection and answers each call with its own parameters', async () => {
    await store.db.connection().execute(async (c) => {
      expect((await probe(1).execute(c)).rows).toEqual([{ id: 1, note: 'one' }]);
      expect((await probe(2).execute(c)).rows).toEqual([{ id: 2, note: 'two' }]);
      expect(
        (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_prepared_statements`.execute(c)).rows[0].n,
      ).toBe(1);
    });
  });

  it('after a table it reads gains a column, one call fails and the next prepares the statement again', async () => {
    await store.db.connection().execute(async (c) => {
      expect((await probe(1).execute(c)).rows).toEqual([{ id: 1, note: 'one' }]);
      await sql`ALTER TABLE probe ADD COLUMN extra text`.execute(c);
      await expect(probe(1).execute(c)).rejects.toThrow(/cached plan must not change result type/);
      expect((await probe(1).execute(c)).rows).toEqual([{ id: 1, note: 'one', extra: null }]);
    });
  });
});
