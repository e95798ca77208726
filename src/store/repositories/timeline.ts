/** Everything that happened to one lead, from every table that records it. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface TimelineEntry {
  type: 'touch' | 'activity' | 'behaviour' | 'score' | 'change';
  at: Date;
  actorId: string | null;
  summary: string;
  data: Record<string, unknown>;
}

const date = (d: Date | string) => (d instanceof Date ? d : new Date(d));

export async function loadTimeline(db: Kysely<Database>, leadId: string): Promise<TimelineEntry[]> {
  const [touches, activities, behaviours, scores, audit] = await Promise.all([
    db.selectFrom('lead_touches').selectAll().where('lead_id', '=', leadId).execute(),
    db.selectFrom('activities').selectAll().where('lead_id', '=', leadId).execute(),
    db.selectFrom('behaviours').selectAll().where('lead_id', '=', leadId).execute(),
    db.selectFrom('score_ledger').selectAll().where('lead_id', '=', leadId).orderBy('seq').execute(),
    db.selectFrom('audit_log').selectAll().where('lead_id', '=', leadId).orderBy('seq').execute(),
  ]);
  const entries: TimelineEntry[] = [
    ...touches.map((t) => ({
      type: 'touch' as const,
      at: date(t.occurred_at),
      actorId: t.actor_id,
      summary: t.kind,
      data: {
        id: t.id,
        kind: t.kind,
        channel: t.channel_id,
        utm: t.utm,
        referrer: t.referrer,
        landingPage: t.landing_page,
        importId: t.import_id,
        ...(Object.keys(t.payload).length ? { submitted: t.payload } : {}),
      },
    })),
    ...activities.map((a) => ({
      type: 'activity' as const,
      at: date(a.occurred_at),
      actorId: a.user_id,
      summary: a.type,
      data: { id: a.id, type: a.type, durationSec: a.duration_sec, outcome: a.outcome, note: a.note },
    })),
    ...behaviours.map((b) => ({
      type: 'behaviour' as const,
      at: date(b.occurred_at),
      actorId: null,
      summary: b.type,
      data: { id: b.id, type: b.type, url: b.url, meta: b.meta, visitorId: b.visitor_id },
    })),
    ...scores.map((s) => ({
      type: 'score' as const,
      at: date(s.at),
      actorId: null,
      summary: `${s.total} (${s.grade})`,
      data: {
        total: s.total,
        fit: s.fit,
        engagement: s.engagement,
        qualification: s.qualification,
        grade: s.grade,
        explanation: s.explanation,
        cause: s.cause,
      },
    })),
    ...audit.map((e) => ({
      type: 'change' as const,
      at: date(e.at),
      actorId: e.actor_id,
      summary: e.action,
      data: {
        id: e.id,
        action: e.action,
        entityType: e.entity_type,
        entityId: e.entity_id,
        from: e.from_state,
        to: e.to_state,
        reason: e.reason,
      },
    })),
  ];
  // Stable sort keeps each table's own order (audit by sequence) for entries of the same instant.
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
