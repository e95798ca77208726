/**
 * PGlite runs no autovacuum (it is one backend in single-user mode: no launcher, and its
 * statistics views stay at zero), so an embedded database would keep the planner's statistics of
 * the day its tables were empty and every dead row ever written. A queue of 1,000 leads read
 * with the statistics of an empty table took 2.8 s instead of 20 ms (a nested loop over every
 * open timer per lead). This does autovacuum's job the way PostgreSQL's defaults do: it counts
 * the rows each statement inserts, updates or deletes per table, and once a table has changed
 * by 50 rows + 10% of its size it ANALYZEs it, and VACUUMs it (with ANALYZE) once updates and
 * deletes reach 50 rows + 20% of its size.
 *
 * The work runs through the store's own Kysely (so it waits for any open transaction, as
 * PGlite has one connection), a moment after the write that crossed the line, never inside a
 * request.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/** PostgreSQL's autovacuum defaults. */
const ANALYZE_BASE = 50;
const ANALYZE_SCALE = 0.1;
const VACUUM_BASE = 50;
const VACUUM_SCALE = 0.2;
/** How long after the crossing write the upkeep runs: a bulk load's next batches join the same run. */
const DELAY_MS = 1_000;

interface TableChanges {
  /** Rows inserted, updated or deleted since the table was last analyzed. */
  changed: number;
  /** Rows updated or deleted (each leaves a dead row) since it was last vacuumed. */
  dead: number;
}

/** The table a data-changing statement writes, and whether it leaves dead rows. */
const WRITE = /^\s*(insert\s+into|update|delete\s+from)\s+(?:only\s+)?(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/i;

export interface PgliteUpkeep {
  /** Notes what one statement did (its SQL and the rows it affected). */
  counted(statement: string, affectedRows: number | undefined): void;
  /** Runs from now on, through this database (the store's own). */
  start(db: Kysely<Database>): void;
  /**
   * Waits for a run in progress; a pending one runs now, ANALYZE only (quick): the next process
   * to open the directory starts counting from zero, so what this one wrote must be analyzed.
   */
  stop(): Promise<void>;
}

export function pgliteUpkeep(onError: (error: unknown) => void): PgliteUpkeep {
  const tables = new Map<string, TableChanges>();
  /** Planner row estimates (pg_class.reltuples) as of the last run; unknown tables count as empty. */
  const sizes = new Map<string, number>();
  let db: Kysely<Database> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const size = (table: string) => Math.max(0, sizes.get(table) ?? 0);
  const needsAnalyze = (table: string, c: TableChanges) => c.changed > ANALYZE_BASE + ANALYZE_SCALE * size(table);
  const needsVacuum = (table: string, c: TableChanges) => c.dead > VACUUM_BASE + VACUUM_SCALE * size(table);
  const due = (table: string, c: TableChanges) => needsAnalyze(table, c) || needsVacuum(table, c);

  const schedule = () => {
    if (!db || stopped || timer || running) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = run()
        .catch(onError)
        .finally(() => {
          running = undefined;
          if ([...tables].some(([table, c]) => due(table, c))) schedule();
        });
    }, DELAY_MS);
    timer.unref();
  };

  async function readSizes(database: Kysely<Database>): Promise<void> {
    const estimates = await sql<{
      relname: string;
      reltuples: number;
    }>`SELECT c.relname, c.reltuples::float8 AS reltuples
      FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace`.execute(database);
    for (const r of estimates.rows) sizes.set(r.relname, Number(r.reltuples));
  }

  async function run(options: { vacuum: boolean } = { vacuum: true }): Promise<void> {
    if (!db) return;
    await readSizes(db);
    for (const [table, c] of [...tables]) {
      if (!sizes.has(table)) {
        tables.delete(table); // not a table of ours (a temporary one, a dropped one)
        continue;
      }
      const vacuum = options.vacuum && needsVacuum(table, c);
      if (!vacuum && !needsAnalyze(table, c)) continue;
      // Counted from here on: what is written while this runs is for the next run.
      tables.set(table, { changed: 0, dead: vacuum ? 0 : c.dead });
      const name = sql.id(table);
      await (vacuum ? sql`VACUUM (ANALYZE) ${name}` : sql`ANALYZE ${name}`).execute(db);
    }
    await readSizes(db);
  }

  return {
    counted(statement, affectedRows) {
      if (!affectedRows) return;
      const write = WRITE.exec(statement);
      if (!write) return;
      const table = (write[2] as string).toLowerCase();
      const c = tables.get(table) ?? { changed: 0, dead: 0 };
      c.changed += affectedRows;
      if (!/^insert/i.test(write[1] as string)) c.dead += affectedRows;
      tables.set(table, c);
      if (due(table, c)) schedule();
    },
    start(database) {
      db = database;
      if ([...tables].some(([table, c]) => due(table, c))) schedule();
    },
    async stop() {
      stopped = true;
      const pending = timer !== undefined;
      clearTimeout(timer);
      timer = undefined;
      await running;
      if (pending) await run({ vacuum: false }).catch(onError);
    },
  };
}
