/**
 * Saved segments of the pool (SPEC §7): a name and the filters of GET /pool, shared by the team
 * (SDRs work them, marketing exports them for content nurture). Names are unique, ignoring case.
 */
import { Conflict, Forbidden, InvalidInput, NotFound } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { checkPoolFilters, type PoolFilters } from '../../domain/pool/pool-filters.js';
import type { Actor } from '../../domain/roles.js';
import { appendAudit } from '../../store/repositories/audit.js';
import {
  deleteSegment as deleteSegmentRow,
  findSegment,
  findSegmentByName,
  insertSegment,
  listSegments,
  type SegmentRow,
} from '../../store/repositories/pool.js';
import type { ServiceContext } from '../context.js';

export interface SegmentView {
  id: string;
  name: string;
  filters: PoolFilters;
  createdBy: string | null;
  createdAt: string;
}

export function presentSegment(row: SegmentRow): SegmentView {
  return {
    id: row.id,
    name: row.name,
    filters: row.filters,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Roles that may remove anyone's segment (the author may always remove their own). */
const SEGMENT_ADMINS: readonly string[] = ['sdr_lead', 'marketing', 'admin'];

export async function saveSegment(
  ctx: ServiceContext,
  actor: Actor,
  input: { name: string; filters: PoolFilters },
): Promise<SegmentView> {
  authorize(actor, 'segments.manage');
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name) throw new InvalidInput([{ field: 'name', message: 'must not be empty', messageZh: '不能为空' }]);
  const errors = checkPoolFilters(input.filters, 'filters.');
  if (errors.length) throw new InvalidInput(errors);
  const filters = Object.fromEntries(Object.entries(input.filters).filter(([, v]) => v !== undefined)) as PoolFilters;
  const at = ctx.clock.now();
  const row: SegmentRow = { id: ctx.newId(), name, filters, created_by: actor.id, created_at: at };
  await ctx.db.transaction().execute(async (trx) => {
    if (await findSegmentByName(trx, name)) throw new Conflict(`a segment named "${name}" exists already`);
    await insertSegment(trx, row);
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'segment.saved',
        entityType: 'segment',
        entityId: row.id,
        to: { name, filters },
        at,
      },
    ]);
  });
  return presentSegment(row);
}

export async function readSegments(ctx: ServiceContext, actor: Actor): Promise<SegmentView[]> {
  authorize(actor, 'pool.read');
  return (await listSegments(ctx.db)).map(presentSegment);
}

export async function readSegment(ctx: ServiceContext, actor: Actor, id: string): Promise<SegmentRow> {
  authorize(actor, 'pool.read');
  const row = await findSegment(ctx.db, id);
  if (!row) throw new NotFound(`segment ${id}`);
  return row;
}

export async function removeSegment(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'segments.manage');
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findSegment(trx, id);
    if (!row) throw new NotFound(`segment ${id}`);
    if (row.created_by !== actor.id && !SEGMENT_ADMINS.includes(actor.role)) {
      throw new Forbidden('only the author of a segment, an SDR lead, marketing or an admin may delete it');
    }
    await deleteSegmentRow(trx, id);
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'segment.deleted',
        entityType: 'segment',
        entityId: id,
        from: { name: row.name, filters: row.filters },
        at,
      },
    ]);
  });
}
