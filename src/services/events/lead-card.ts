/** What an event says about its lead: enough for a chat card or an e-mail without another call. */
import type { Queryable } from '../../store/db.js';
import type { LeadRow } from '../../store/repositories/leads.js';

export interface LeadCard {
  id: string;
  name: string | null;
  company: string | null;
  title: string | null;
  region: string | null;
  industry: string | null;
  channel: string | null;
  status: string;
  ownerId: string | null;
  score: number;
  grade: string | null;
}

export async function leadCards(db: Queryable, leadIds: readonly string[]): Promise<Map<string, LeadCard>> {
  if (leadIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('leads')
    .select([
      'id',
      'name',
      'company',
      'title',
      'region',
      'industry',
      'channel_id',
      'status',
      'owner_id',
      'score',
      'grade',
    ])
    .where('id', 'in', [...new Set(leadIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, leadCardOf(r)]));
}

/** The card of a lead's row (these columns of it). */
export function leadCardOf(
  r: Pick<
    LeadRow,
    | 'id'
    | 'name'
    | 'company'
    | 'title'
    | 'region'
    | 'industry'
    | 'channel_id'
    | 'status'
    | 'owner_id'
    | 'score'
    | 'grade'
  >,
): LeadCard {
  return {
    id: r.id,
    name: r.name,
    company: r.company,
    title: r.title,
    region: r.region,
    industry: r.industry,
    channel: r.channel_id,
    status: r.status,
    ownerId: r.owner_id,
    score: r.score,
    grade: r.grade,
  };
}
