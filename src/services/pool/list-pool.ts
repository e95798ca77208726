/**
 * GET /pool (SPEC §7): the nurture pool, best score first, with filters and saved segments
 * (`segment=<id>`: the segment's filters, any filter also given in the query wins), cursor
 * pagination. `resurfaced=true` lists instead the leads that came back from the pool and wait
 * unclaimed in the SDR queue, each with its trigger.
 */
import { InvalidInput, NotFound } from '../../domain/errors.js';
import { normaliseRegion, regionByCode } from '../../domain/normalise/region.js';
import { authorize } from '../../domain/policy.js';
import { checkPoolFilters, mergeFilters, type PoolFilters } from '../../domain/pool/pool-filters.js';
import type { Actor } from '../../domain/roles.js';
import type { Queryable } from '../../store/db.js';
import type { LeadRow } from '../../store/repositories/leads.js';
import { findSegment, listPoolLeads, type PoolCursor, type PoolQuery } from '../../store/repositories/pool.js';
import type { ServiceContext } from '../context.js';

export function poolQuery(filters: PoolFilters): PoolQuery {
  const { region, ...rest } = filters;
  if (!region) return rest;
  const known = regionByCode(region) ?? normaliseRegion(region);
  return known ? { ...rest, regionCode: known.code } : { ...rest, regionText: region.trim() };
}

function encodeCursor(row: LeadRow): string {
  return Buffer.from(JSON.stringify({ s: row.score, id: row.id })).toString('base64url');
}

function decodeCursor(cursor: string): PoolCursor {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Number.isInteger(v?.s) && typeof v?.id === 'string' && v.id.length <= 100) return { score: v.s, id: v.id };
  } catch {
    // fall through: not a cursor we made
  }
  throw new InvalidInput([
    { field: 'query.cursor', message: 'is not a cursor this API returned', messageZh: '不是本接口返回的游标' },
  ]);
}

/** The filters a request means: a segment's, overridden by what the query gives. */
export async function effectiveFilters(
  db: Queryable,
  given: PoolFilters,
  segmentId: string | undefined,
): Promise<PoolFilters> {
  let filters = given;
  if (segmentId) {
    const segment = await findSegment(db, segmentId);
    if (!segment) throw new NotFound(`segment ${segmentId}`);
    filters = mergeFilters(segment.filters, given);
  }
  const errors = checkPoolFilters(filters, 'query.');
  if (errors.length) throw new InvalidInput(errors);
  return filters;
}

export async function listPool(
  ctx: ServiceContext,
  actor: Actor,
  input: { filters: PoolFilters; segment?: string; cursor?: string; limit: number },
): Promise<{ items: LeadRow[]; nextCursor: string | null; filters: PoolFilters }> {
  authorize(actor, 'pool.read');
  const filters = await effectiveFilters(ctx.db, input.filters, input.segment);
  const rows = await listPoolLeads(ctx.db, poolQuery(filters), {
    after: input.cursor ? decodeCursor(input.cursor) : undefined,
    limit: input.limit + 1,
  });
  const more = rows.length > input.limit;
  const items = more ? rows.slice(0, input.limit) : rows;
  return { items, nextCursor: more ? encodeCursor(items[items.length - 1]) : null, filters };
}
