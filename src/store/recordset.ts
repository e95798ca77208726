/**
 * Many rows in one parameter: the rows travel as one JSON text and PostgreSQL spreads them into
 * columns (json_to_recordset). For the big batches of capture this is much cheaper than a
 * multi-row VALUES list — one parameter instead of rows × columns, nothing for Kysely to compile
 * per value, and JSON.stringify is the fastest serialiser node has — and several such inserts
 * can share one statement (data-modifying WITH), so a batch costs one round trip, not one per
 * table. Foreign keys between the tables of one statement hold: they are checked at its end.
 */
import { type RawBuilder, sql } from 'kysely';

/** A column of a recordset: its name (the JSON key) and its SQL type. */
export type RecordsetColumn = readonly [name: string, type: string];

/** A JSON escape of a lone UTF-16 surrogate (JSON.stringify writes paired ones as they are). */
const loneSurrogate = /(?<!\\)(?:\\\\)*\\ud[89a-f][0-9a-f]{2}/i;
const wellFormed = (_key: string, value: unknown) =>
  typeof value === 'string' ? (value as string & { toWellFormed(): string }).toWellFormed() : value;

/**
 * The rows as JSON text. A lone surrogate (half a character, which no UTF-8 text can hold) is
 * written as U+FFFD, as a text parameter would store it: PostgreSQL refuses its JSON escape.
 */
function rowsJson(rows: readonly object[]): string {
  const text = JSON.stringify(rows);
  // (the regular expression costs more than the search for its start, which text rarely holds)
  const maybe = text.includes('\\ud') || text.includes('\\uD');
  return maybe && loneSurrogate.test(text) ? JSON.stringify(rows, wellFormed) : text;
}

/** `json_to_recordset($1::json) AS alias(name type, …)` over these rows. */
export function recordset(
  rows: readonly object[],
  columns: readonly RecordsetColumn[],
  alias = 'r',
): RawBuilder<unknown> {
  return sql`json_to_recordset(${rowsJson(rows)}::json) AS ${sql.raw(alias)}(${sql.raw(
    columns.map(([name, type]) => `${name} ${type}`).join(', '),
  )})`;
}

/** `INSERT INTO table (columns) SELECT columns FROM json_to_recordset(…)`: `rows` keyed by column name. */
export function insertRecordset(
  table: string,
  rows: readonly object[],
  columns: readonly RecordsetColumn[],
): RawBuilder<unknown> {
  const names = columns.map(([name]) => name).join(', ');
  return sql`INSERT INTO ${sql.raw(table)} (${sql.raw(names)}) SELECT ${sql.raw(names)} FROM ${recordset(rows, columns)}`;
}

/**
 * Several data-modifying statements as one: `WITH s0 AS (…), s1 AS (…) last`. Each runs once
 * and to completion (in no order to rely on); none sees the rows of the others (they share the statement's
 * snapshot). `read`: named queries (`name AS (SELECT …)`) put first, for the statements to share.
 */
export function allInOne(
  statements: readonly RawBuilder<unknown>[],
  read: readonly RawBuilder<unknown>[] = [],
): RawBuilder<unknown> | undefined {
  if (statements.length <= 1 && read.length === 0) return statements[0];
  const head = statements.slice(0, -1).map((s, i) => sql`${sql.raw(`s${i}`)} AS (${s})`);
  return sql`WITH ${sql.join([...read, ...head])} ${statements[statements.length - 1]}`;
}
