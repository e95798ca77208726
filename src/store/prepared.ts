/**
 * Named (prepared) statements for the few statements that run on every transfer, on
 * PostgreSQL: the server parses and analyses such a statement once per connection instead of on
 * every call, and after a few calls may keep one generic plan (about 1.5 ms of PostgreSQL CPU
 * per transfer, most of it planning the transfer's one read). Only statements marked here are
 * prepared: the others (reports, the queue, searches) keep a plan made for their parameters.
 *
 * A statement is marked by a comment at its end (`preparedStatement` for raw SQL, `preparedMark` for a
 * query builder's `modifyEnd`); the PostgreSQL client of db.ts sends a marked statement under
 * a name kept per distinct text. PGlite ignores the comment.
 */
import { type RawBuilder, sql } from 'kysely';

const MARK = ' /* prepared */';

/** For a query builder: `.modifyEnd(preparedMark)`. */
export const preparedMark = sql.raw(MARK);

/** The raw statement `query`, marked to be prepared. */
export function preparedStatement<T>(query: RawBuilder<T>): RawBuilder<T> {
  return sql<T>`${query}${preparedMark}`;
}

/**
 * Distinct marked texts get a name each, up to a bound (a text built from variable parts must
 * not fill the server's memory with statements used once): past it, a new text is sent unnamed.
 */
const MAX_NAMED = 64;
const names = new Map<string, string>();

let named = 0;

/** The statement name to send `text` under, or undefined to send it unnamed. */
export function preparedName(text: string): string | undefined {
  if (!text.endsWith(MARK)) return undefined;
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) {
    named += 1;
    name = `leadloop_${named}`;
    names.set(text, name);
  }
  return name;
}

/**
 * A statement prepared before another process migrated a table it reads (a `select *` whose
 * columns changed) fails with 0A000 "cached plan must not change result type" on every
 * connection that prepared it: `text` gets a new name, prepared afresh by its next use.
 */
export function renamePrepared(text: string): void {
  names.delete(text);
}
