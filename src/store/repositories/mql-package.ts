/** What the MQL package of a hand-off (SPEC §6.1) is made of, read in the transfer's transaction. */
import { type RawBuilder, sql } from 'kysely';
import type { Queryable } from '../db.js';

const iso = (d: Date | string) => new Date(d).toISOString();

export type MqlPackageFacts = ReturnType<typeof factsOf>;

/** By lead id, in one statement for the whole batch (each lead's rows as JSON). */
export async function loadMqlPackageFacts(db: Queryable, leadIds: readonly string[]) {
  const { rows } = await sql<
    {
      id: string;
      original_source: unknown;
      latest_source: unknown;
      fields: Record<string, unknown>;
    } & PackageRowsJson
  >`SELECT l.id, l.original_source, l.latest_source, l.fields, ${packageRowsColumns(sql.ref('l.id'))}
    FROM leads l WHERE l.id = any(${[...leadIds]}::text[])`.execute(db);
  return new Map(
    rows.map((lead) => [lead.id, factsOf(lead, lead.touches, lead.behaviours, lead.activities, lead.qualifications)]),
  );
}

/** A lead's package rows as JSON (packageRowsColumns): touches oldest first, behaviours newest first. */
export interface PackageRowsJson {
  touches: PackageTouchRow<string>[];
  behaviours: { type: string; url: string | null; occurred_at: string }[];
  activities: PackageActivityRow<string>[];
  qualifications: {
    framework: string;
    answers: Record<string, unknown>;
    updated_by: string | null;
    updated_at: string;
  }[];
}

/**
 * The package rows of the lead `leadId` (a column or a value) as the JSON columns touches,
 * behaviours, activities and qualifications of a SELECT: for a batch (loadMqlPackageFacts) and for
 * the transfer's one read (transfer-reads.ts).
 */
export function packageRowsColumns(leadId: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(SELECT coalesce(json_agg(t ORDER BY t.occurred_at), '[]') FROM (SELECT kind, channel_id, utm, referrer,
         landing_page, occurred_at FROM lead_touches WHERE lead_id = ${leadId}) t) AS touches,
      (SELECT coalesce(json_agg(b ORDER BY b.occurred_at DESC), '[]') FROM (SELECT type, url, occurred_at
         FROM behaviours WHERE lead_id = ${leadId}) b) AS behaviours,
      (SELECT coalesce(json_agg(a ORDER BY a.occurred_at), '[]') FROM (SELECT type, user_id, duration_sec, outcome,
         note, occurred_at FROM activities WHERE lead_id = ${leadId}) a) AS activities,
      (SELECT coalesce(json_agg(q), '[]') FROM (SELECT framework, answers, updated_by, updated_at
         FROM qualifications WHERE lead_id = ${leadId}) q) AS qualifications`;
}

/** The rows of a lead's package, each time a Date (a row) or text (read as JSON: transfer-reads.ts). */
export interface PackageTouchRow<T = Date | string> {
  kind: string;
  channel_id: string | null;
  utm: unknown;
  referrer: string | null;
  landing_page: string | null;
  occurred_at: T;
}
export interface PackageActivityRow<T = Date | string> {
  type: string;
  user_id: string | null;
  duration_sec: number | null;
  outcome: string | null;
  note: string | null;
  occurred_at: T;
}

/** The package facts of one lead from its rows (also read as JSON: transfer-reads.ts); behaviours newest first. */
export function factsOf(
  lead: { original_source: unknown; latest_source: unknown; fields: Record<string, unknown> },
  touches: PackageTouchRow[],
  behaviours: { type: string; url: string | null; occurred_at: Date | string }[],
  activities: PackageActivityRow[],
  qualifications: { framework: string; answers: unknown; updated_by: string | null; updated_at: Date | string }[],
) {
  return {
    originalSource: lead.original_source,
    latestSource: lead.latest_source,
    fields: lead.fields,
    touches: touches.map((t) => ({
      kind: t.kind,
      channel: t.channel_id,
      utm: t.utm,
      referrer: t.referrer,
      landingPage: t.landing_page,
      at: iso(t.occurred_at),
    })),
    behaviours: behaviours.map((b) => ({ type: b.type, url: b.url, at: iso(b.occurred_at) })),
    activities: activities.map((a) => ({
      type: a.type,
      userId: a.user_id,
      durationSec: a.duration_sec,
      outcome: a.outcome,
      note: a.note,
      at: iso(a.occurred_at),
    })),
    qualifications: qualifications.map((q) => ({
      framework: q.framework,
      answers: q.answers,
      updatedBy: q.updated_by,
      updatedAt: iso(q.updated_at),
    })),
  };
}
