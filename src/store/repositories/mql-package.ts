/** What the MQL package of a hand-off (SPEC §6.1) is made of, read in the transfer's transaction. */
import type { Queryable } from '../db.js';

const iso = (d: Date | string) => new Date(d).toISOString();

export async function loadMqlPackageFacts(db: Queryable, leadId: string) {
  const [lead, touches, behaviours, activities, qualifications] = [
    await db
      .selectFrom('leads')
      .select(['original_source', 'latest_source', 'fields'])
      .where('id', '=', leadId)
      .executeTakeFirstOrThrow(),
    await db
      .selectFrom('lead_touches')
      .select(['kind', 'channel_id', 'utm', 'referrer', 'landing_page', 'occurred_at'])
      .where('lead_id', '=', leadId)
      .orderBy('occurred_at')
      .execute(),
    await db
      .selectFrom('behaviours')
      .select(['type', 'url', 'occurred_at'])
      .where('lead_id', '=', leadId)
      .orderBy('occurred_at', 'desc')
      .execute(),
    await db
      .selectFrom('activities')
      .select(['type', 'user_id', 'duration_sec', 'outcome', 'note', 'occurred_at'])
      .where('lead_id', '=', leadId)
      .orderBy('occurred_at')
      .execute(),
    await db
      .selectFrom('qualifications')
      .select(['framework', 'answers', 'updated_by', 'updated_at'])
      .where('lead_id', '=', leadId)
      .execute(),
  ];
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
