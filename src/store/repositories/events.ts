import type { Transaction } from 'kysely';
import { insertRecordset, type RecordsetColumn } from '../recordset.js';
import type { Database } from '../schema.js';

export interface EventRow {
  id: string;
  type: string;
  leadId: string | null;
  data: Record<string, unknown>;
  notify: readonly string[];
  occurredAt: Date;
}

const eventColumns: RecordsetColumn[] = [
  ['id', 'text'],
  ['type', 'text'],
  ['lead_id', 'text'],
  ['data', 'jsonb'],
  ['notify', 'text[]'],
  ['occurred_at', 'timestamptz'],
];

export async function insertEvents(trx: Transaction<Database>, events: readonly EventRow[]): Promise<void> {
  await eventsInsert(events).execute(trx);
}

/** The INSERT of these events, to run alone or beside other writes (recordset.ts allInOne). */
export function eventsInsert(events: readonly EventRow[]) {
  return insertRecordset(
    'events',
    events.map((e) => ({
      id: e.id,
      type: e.type,
      lead_id: e.leadId,
      data: e.data,
      notify: `{${e.notify.map((u) => `"${u}"`).join(',')}}`,
      occurred_at: e.occurredAt,
    })),
    eventColumns,
  );
}
