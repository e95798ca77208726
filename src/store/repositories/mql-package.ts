/** What the MQL package of a hand-off (SPEC §6.1) is made of, read in the transfer's transaction. */
import type { Queryable } from '../db.js';

const iso = (d: Date | string) => new Date(d).toISOString();

export type MqlPackageFacts = ReturnType<typeof factsOf>;

/** By lead id: one query per table for the whole batch. */
export async function loadMqlPackageFacts(db: Queryable, leadIds: readonly string[]) {
  const ids = [...leadIds];
  const [leads, touches, behaviours, activities, qualifications] = [
    await db
      .selectFrom('leads')
      .select(['id', 'original_source', 'latest_source', 'fields'])
      .where('id', 'in', ids)
      .execute(),
    await db
      .selectFrom('lead_touches')
      .select(['lead_id', 'kind', 'channel_id', 'utm', 'referrer', 'landing_page', 'occurred_at'])
      .where('lead_id', 'in', ids)
      .orderBy('occurred_at')
      .execute(),
    await db
      .selectFrom('behaviours')
      .select(['lead_id', 'type', 'url', 'occurred_at'])
      .where('lead_id', 'in', ids)
      .orderBy('occurred_at', 'desc')
      .execute(),
    await db
      .selectFrom('activities')
      .select(['lead_id', 'type', 'user_id', 'duration_sec', 'outcome', 'note', 'occurred_at'])
      .where('lead_id', 'in', ids)
      .orderBy('occurred_at')
      .execute(),
    await db
      .selectFrom('qualifications')
      .select(['lead_id', 'framework', 'answers', 'updated_by', 'updated_at'])
      .where('lead_id', 'in', ids)
      .execute(),
  ];
  const of = <T extends { lead_id: string | null }>(rows: T[], id: string) => rows.filter((r) => r.lead_id === id);
  return new Map(
    leads.map((lead) => [
      lead.id,
      factsOf(
        lead,
        of(touches, lead.id),
        of(behaviours, lead.id),
        of(activities, lead.id),
        of(qualifications, lead.id),
      ),
    ]),
  );
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
