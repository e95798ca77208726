/**
 * Durable timers (SPEC §6.2): written in the transaction of the change they guard, claimed by
 * the sweeper with FOR UPDATE SKIP LOCKED (several processes never fire one twice; a crash before
 * commit leaves it to fire again), marked fired in the same transaction as their effect.
 */
import type { RawBuilder, Selectable, Transaction } from 'kysely';
import type { Queryable } from '../db.js';
import { insertRecordset, type RecordsetColumn } from '../recordset.js';
import type { Database, TimersTable } from '../schema.js';

export type TimerRow = Selectable<TimersTable>;

export interface NewTimer {
  id: string;
  kind: string;
  subjectId: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
  at: Date;
}

/**
 * One statement whatever the number of timers: the rows travel as one JSON parameter (a VALUES
 * list of a 10,000-lead bulk capture's recall clocks would pass PostgreSQL's 65,535 parameters).
 */
export async function insertTimers(trx: Transaction<Database>, timers: readonly NewTimer[]): Promise<void> {
  if (timers.length === 0) return;
  await timersInsert(timers).execute(trx);
}

/** insertTimers as a statement, to run beside other writes (recordset.ts allInOne); `timers` not empty. */
export function timersInsert(timers: readonly NewTimer[]): RawBuilder<unknown> {
  const rows = timers.map((t) => ({
    id: t.id,
    kind: t.kind,
    subject_id: t.subjectId,
    due_at: t.dueAt.toISOString(),
    payload: t.payload ?? {},
    created_at: t.at.toISOString(),
  }));
  return insertRecordset('timers', rows, timerColumns);
}

const timerColumns: readonly RecordsetColumn[] = [
  ['id', 'text'],
  ['kind', 'text'],
  ['subject_id', 'text'],
  ['due_at', 'timestamptz'],
  ['payload', 'jsonb'],
  ['created_at', 'timestamptz'],
];

/** The next due timer nobody else is firing, locked until the caller's transaction ends. */
export async function claimDueTimer(trx: Transaction<Database>, now: Date): Promise<TimerRow | undefined> {
  return trx
    .selectFrom('timers')
    .selectAll()
    .where('fired_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('due_at', '<=', now)
    .orderBy('due_at')
    .orderBy('id')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}

export async function markTimerFired(trx: Transaction<Database>, id: string, at: Date): Promise<void> {
  await trx.updateTable('timers').set({ fired_at: at }).where('id', '=', id).execute();
}

/** A handler failed: try again later, keeping the error. */
export async function postponeTimer(db: Queryable, id: string, until: Date, error: string): Promise<void> {
  await db
    .updateTable('timers')
    .set((eb) => ({ due_at: until, attempts: eb('attempts', '+', 1), last_error: error.slice(0, 2000) }))
    .where('id', '=', id)
    .where('fired_at', 'is', null)
    .execute();
}

/** Stops the open timers of these kinds on these subjects (a decision met the deadline, a new clock replaces an old one). */
export async function cancelOpenTimers(
  trx: Transaction<Database>,
  subjectIds: readonly string[],
  kinds: readonly string[] | null,
  at: Date,
): Promise<void> {
  if (subjectIds.length === 0) return;
  let q = trx
    .updateTable('timers')
    .set({ cancelled_at: at })
    .where('subject_id', 'in', [...subjectIds])
    .where('fired_at', 'is', null)
    .where('cancelled_at', 'is', null);
  if (kinds) q = q.where('kind', 'in', [...kinds]);
  await q.execute();
}
