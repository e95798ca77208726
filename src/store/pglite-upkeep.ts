/**
 * PGlite runs no autovacuum (it is one backend in single-user mode: no launcher, and its
 * statistics views stay at zero), so an embedded database would keep the planner's statistics of
 * the day its tables were empty and every dead row ever written. A queue of 1,000 leads read
 * with the statistics of an empty table took 2.8 s instead of 20 ms (a nested loop over every
 * open timer per lead). This does autovacuum's job the way PostgreSQL's defaults do:
 * - it counts the rows each plain INSERT, UPDATE or DELETE writes per table; once a table has
 *   changed by 50 rows + 10% of its size it ANALYZEs it, and VACUUMs it (with ANALYZE) once
 *   updates and deletes reach 50 rows + 20% of its size;
 * - a statement whose rows per table it cannot count (a WITH holding several writes: capture's
 *   and transfer's batches) makes it look at the tables' sizes on disk instead, at most every
 *   few seconds: a table grown by 8 pages + 10% since it was last analyzed is analyzed.
 *
 * The work runs through the store's own Kysely (so it waits for any open transaction, as
 * PGlite has one connection), a moment after the write that called for it, never inside a
 * request.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/** PostgreSQL's autovacuum defaults. */
const ANALYZE_BASE = 50;
const ANALYZE_SCALE = 0.1;
const VACUUM_BASE = 50;
const VACUUM_SCALE = 0.2;
/** Growth on disk that calls for ANALYZE when rows could not be counted: pages (8 KB) + share. */
const GROWTH_BASE_PAGES = 8;
const GROWTH_SCALE = 0.1;
/** How long after the write the upkeep runs: a bulk load's next batches join the same run. */
const DELAY_MS = 1_000;
/** The least time between two looks at the sizes on disk. */
const SIZE_CHECK_EVERY_MS = 5_000;

interface TableChanges {
  /** Rows inserted, updated or deleted since the table was last analyzed. */
  changed: number;
  /** Rows updated or deleted (each leaves a dead row) since it was last vacuumed. */
  dead: number;
}

interface TableSize {
  /** The planner's row estimate (pg_class.reltuples; -1: never analyzed). */
  rows: number;
  /** Pages when last analyzed or vacuumed (pg_class.relpages), and now. */
  pagesThen: number;
  pagesNow: number;
}

/** The table a plain data-changing statement writes, and whether it leaves dead rows. */
const WRITE = /^\s*(insert\s+into|update|delete\s+from)\s+(?:only\s+)?(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/i;
/** A WITH statement that writes somewhere in it. */
const WRITE_IN_WITH = /^\s*with\b[\s\S]*\b(insert\s+into|update|delete\s+from)\b/i;

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
  /** As of the last run; unknown tables count as empty. */
  const sizes = new Map<string, TableSize>();
  let db: Kysely<Database> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  /** A write was seen whose rows could not be counted: look at the sizes on disk. */
  let uncounted = false;
  let sizesCheckedAt = 0;

  const rowsOf = (table: string) => Math.max(0, sizes.get(table)?.rows ?? 0);
  const needsAnalyze = (table: string, c: TableChanges) => c.changed > ANALYZE_BASE + ANALYZE_SCALE * rowsOf(table);
  const needsVacuum = (table: string, c: TableChanges) => c.dead > VACUUM_BASE + VACUUM_SCALE * rowsOf(table);
  const due = (table: string, c: TableChanges) => needsAnalyze(table, c) || needsVacuum(table, c);
  const grown = (s: TableSize) => s.pagesNow > GROWTH_BASE_PAGES + s.pagesThen * (1 + GROWTH_SCALE);
  const anyDue = () => [...tables].some(([table, c]) => due(table, c));

  const schedule = (delay = DELAY_MS) => {
    if (!db || stopped || timer || running) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = run()
        .catch(onError)
        .finally(() => {
          running = undefined;
          if (anyDue()) schedule();
          else if (uncounted) scheduleSizeCheck();
        });
    }, delay);
    timer.unref();
  };
  const scheduleSizeCheck = () => schedule(Math.max(DELAY_MS, sizesCheckedAt + SIZE_CHECK_EVERY_MS - Date.now()));

  async function readSizes(database: Kysely<Database>): Promise<void> {
    const rows = await sql<{ relname: string; reltuples: number; relpages: number; pages: number }>`
      SELECT c.relname, c.reltuples::float8 AS reltuples, c.relpages,
        (pg_relation_size(c.oid) / current_setting('block_size')::int)::int AS pages
      FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace`.execute(database);
    sizes.clear();
    for (const r of rows.rows) {
      sizes.set(r.relname, { rows: Number(r.reltuples), pagesThen: Number(r.relpages), pagesNow: Number(r.pages) });
    }
    sizesCheckedAt = Date.now();
  }

  async function run(options: { vacuum: boolean } = { vacuum: true }): Promise<void> {
    if (!db) return;
    uncounted = false;
    await readSizes(db);
    for (const table of tables.keys()) if (!sizes.has(table)) tables.delete(table); // not ours (temporary, dropped)
    for (const [table, size] of sizes) {
      const c = tables.get(table) ?? { changed: 0, dead: 0 };
      const vacuum = options.vacuum && needsVacuum(table, c);
      if (!vacuum && !needsAnalyze(table, c) && !grown(size)) continue;
      // Counted from here on: what is written while this runs is for the next run.
      tables.set(table, { changed: 0, dead: vacuum ? 0 : c.dead });
      const name = sql.id(table);
      await (vacuum ? sql`VACUUM (ANALYZE) ${name}` : sql`ANALYZE ${name}`).execute(db);
    }
    await readSizes(db);
  }

  return {
    counted(statement, affectedRows) {
      const write = WRITE.exec(statement);
      if (!write) {
        if (WRITE_IN_WITH.test(statement)) {
          uncounted = true;
          scheduleSizeCheck();
        }
        return;
      }
      if (!affectedRows) return;
      const table = (write[2] as string).toLowerCase();
      const c = tables.get(table) ?? { changed: 0, dead: 0 };
      c.changed += affectedRows;
      if (!/^insert/i.test(write[1] as string)) c.dead += affectedRows;
      tables.set(table, c);
      if (due(table, c)) schedule();
    },
    start(database) {
      db = database;
      // A directory another process wrote (a CLI import, a server stopped hard) may hold tables
      // grown since their last ANALYZE: look once at the start.
      uncounted = true;
      schedule();
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
