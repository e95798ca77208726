/**
 * GET /pool/segments/{id}/export (SPEC §7): a segment as CSV for marketing automation (content
 * nurture). Leads flagged do-not-contact are left out — an export is a contact list — and
 * counted, so the caller knows. Each export is audited (who took which contact details, when).
 */
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { appendAudit } from '../../store/repositories/audit.js';
import type { LeadRow } from '../../store/repositories/leads.js';
import { countPoolLeads, listPoolLeads, type PoolCursor } from '../../store/repositories/pool.js';
import type { ServiceContext } from '../context.js';
import { poolQuery } from './list-pool.js';
import { readSegment } from './segments.js';

const PAGE = 1000;

const columns: [header: string, value: (l: LeadRow) => string | number | null][] = [
  ['id', (l) => l.id],
  ['name', (l) => l.name],
  ['phone', (l) => l.phone],
  ['email', (l) => l.email],
  ['company', (l) => l.company],
  ['title', (l) => l.title],
  ['region', (l) => l.region],
  ['industry', (l) => l.industry],
  ['employees', (l) => l.employees],
  ['channel', (l) => l.channel_id],
  ['score', (l) => l.score],
  ['grade', (l) => l.grade],
  ['tags', (l) => (l.tags ?? []).join(';')],
  ['status', (l) => l.status],
  ['createdAt', (l) => new Date(l.created_at).toISOString()],
];

/**
 * One CSV cell: quoted when needed; text a spreadsheet would run as a formula (=, @, or + and -
 * not starting a number such as an E.164 phone) is prefixed with an apostrophe.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=@\t\r]/.test(text) || (/^[+-]/.test(text) && !/^[+-]?\d[\d\s]*$/.test(text))) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function exportSegment(
  ctx: ServiceContext,
  actor: Actor,
  segmentId: string,
): Promise<{ name: string; csv: string; rows: number; excludedDoNotContact: number }> {
  authorize(actor, 'segments.manage');
  const segment = await readSegment(ctx, actor, segmentId);
  const query = poolQuery(segment.filters);
  const lines = [columns.map(([h]) => h).join(',')];
  let after: PoolCursor | undefined;
  for (;;) {
    const page = await listPoolLeads(ctx.db, query, { after, limit: PAGE, excludeDoNotContact: true });
    for (const lead of page) lines.push(columns.map(([, value]) => csvCell(value(lead))).join(','));
    if (page.length < PAGE) break;
    const last = page[page.length - 1];
    after = { score: last.score, id: last.id };
  }
  const excludedDoNotContact = await countPoolLeads(ctx.db, query, { doNotContact: true });
  const rows = lines.length - 1;
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'segment.exported',
        entityType: 'segment',
        entityId: segment.id,
        to: { rows, excludedDoNotContact, filters: segment.filters },
        at: ctx.clock.now(),
      },
    ]),
  );
  return { name: segment.name, csv: `\uFEFF${lines.join('\r\n')}\r\n`, rows, excludedDoNotContact };
}
