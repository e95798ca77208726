/** Tables of the SLA engine and the event log (migrations/011-sla.ts). */
import type { Generated } from 'kysely';
import type { Json, Timestamp } from './schema.js';

export interface EventsTable {
  id: string;
  seq: Generated<string>;
  type: string;
  lead_id: string | null;
  data: Json<Record<string, unknown>>;
  notify: string[];
  occurred_at: Timestamp;
}

/** One year of the business calendar (SPEC §6.2), as edited; years without a row use the shipped file. */
export interface BusinessCalendarsTable {
  year: number;
  body: Json<object>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface SlaTables {
  events: EventsTable;
  business_calendars: BusinessCalendarsTable;
}
