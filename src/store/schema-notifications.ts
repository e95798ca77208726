/** Notification tables (migrations/012-notifications.ts): filled by the notifications slice. */
import type { ColumnType } from 'kysely';

export interface OutboxTable {
  id: string;
  event_type: string;
  destination: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: ColumnType<Date, Date | string, Date | string>;
  last_error: string | null;
  created_at: ColumnType<Date, Date | string, Date | string>;
  delivered_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface NotificationTables {
  outbox: OutboxTable;
}
