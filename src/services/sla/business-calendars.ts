/**
 * Business calendars (SPEC §6.2): one editable file per year — working hours, weekends, public
 * holidays and make-up workdays (调休). A year edited here replaces the shipped file of that year;
 * deleting the edit brings the shipped one back. Every change is audited.
 */
import {
  type BusinessCalendar,
  type BusinessCalendars,
  validateBusinessCalendar,
  validateCalendarSet,
} from '../../domain/calendar/business-calendar.js';
import { calendarForYear } from '../../domain/calendar/business-time.js';
import { shippedCalendarFiles } from '../../domain/calendar/default-calendars.js';
import { InvalidInput, NotFound } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import type { Queryable } from '../../store/db.js';
import { appendAudit } from '../../store/repositories/audit.js';
import type { ServiceContext } from '../context.js';

export interface CalendarYear {
  year: number;
  /** `edited`: saved here; `shipped`: LeadLoop's file; `fallback`: no file, weekends and work hours only. */
  origin: 'edited' | 'shipped' | 'fallback';
  calendar: BusinessCalendar;
  updatedAt: string | null;
  updatedBy: string | null;
}

const yearOf = (file: unknown) => (file as { year?: unknown }).year;

async function storedCalendars(db: Queryable) {
  return db.selectFrom('business_calendars').selectAll().orderBy('year').execute();
}

function combine(edited: readonly unknown[]): ReturnType<typeof validateCalendarSet> {
  const editedYears = new Set(edited.map(yearOf));
  return validateCalendarSet([...edited, ...shippedCalendarFiles.filter((f) => !editedYears.has(yearOf(f)))]);
}

const primed = new WeakMap<Queryable, readonly unknown[]>();

/**
 * The stored calendars' bodies (by year) as a transaction read them with another statement of its
 * own (capture, which edits no calendar): businessCalendarsInForce in it uses them.
 */
export function primeBusinessCalendars(trx: Queryable, bodies: readonly unknown[]): void {
  primed.set(trx, bodies);
}

export async function businessCalendarsInForce(db: Queryable): Promise<BusinessCalendars> {
  return calendarsOf(primed.get(db) ?? (await storedCalendars(db)).map((r) => r.body));
}

/** The last edited years seen and the calendars made of them: validating the set each time costs. */
let lastCombined: { key: string; calendars: BusinessCalendars } | null = null;

/** The calendars in force given the bodies of the edited years (by year). */
export function calendarsOf(edited: readonly unknown[]): BusinessCalendars {
  const key = JSON.stringify(edited);
  if (lastCombined?.key === key) return lastCombined.calendars;
  const combined = combine(edited);
  if (!combined.ok) throw new Error(`stored business calendars are inconsistent: ${combined.errors[0]?.message}`);
  lastCombined = { key, calendars: combined.calendars };
  return combined.calendars;
}

export async function listCalendarYears(ctx: ServiceContext, actor: Actor): Promise<CalendarYear[]> {
  authorize(actor, 'sla.read');
  const rows = await storedCalendars(ctx.db);
  const calendars = await businessCalendarsInForce(ctx.db);
  return [...calendars.keys()].sort().map((year) => present(year, calendars, rows));
}

export async function readCalendarYear(ctx: ServiceContext, actor: Actor, year: number): Promise<CalendarYear> {
  authorize(actor, 'sla.read');
  return present(year, await businessCalendarsInForce(ctx.db), await storedCalendars(ctx.db));
}

export async function saveCalendarYear(
  ctx: ServiceContext,
  actor: Actor,
  year: number,
  input: unknown,
): Promise<CalendarYear> {
  authorize(actor, 'sla.manage');
  const checked = validateBusinessCalendar(input);
  if (!checked.ok) throw new InvalidInput(checked.errors);
  if (checked.calendar.year !== year) {
    throw new InvalidInput([
      { field: 'year', message: `must be ${year}, the year in the path`, messageZh: `须为 ${year}，即路径中的年份` },
    ]);
  }
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('business_calendars').selectAll().forUpdate().execute();
    const others = rows.filter((r) => r.year !== year).map((r) => r.body);
    const combined = combine([...others, checked.calendar]);
    if (!combined.ok) {
      throw new InvalidInput(combined.errors.map((e) => ({ ...e, field: e.field.replace(/^calendars\[\d+\]\./, '') })));
    }
    const before = rows.find((r) => r.year === year);
    await trx
      .insertInto('business_calendars')
      .values({ year, body: JSON.stringify(checked.calendar), updated_by: actor.id, updated_at: at })
      .onConflict((oc) =>
        oc.column('year').doUpdateSet({ body: JSON.stringify(checked.calendar), updated_by: actor.id, updated_at: at }),
      )
      .execute();
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'calendar.saved',
        entityType: 'business_calendar',
        entityId: String(year),
        from: before ? { calendar: before.body } : null,
        to: { calendar: checked.calendar },
        at,
      },
    ]);
  });
  return readCalendarYear(ctx, actor, year);
}

export async function deleteCalendarYear(ctx: ServiceContext, actor: Actor, year: number): Promise<CalendarYear> {
  authorize(actor, 'sla.manage');
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('business_calendars')
      .where('year', '=', year)
      .returningAll()
      .executeTakeFirst();
    if (!removed) throw new NotFound(`an edited calendar for ${year}`);
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'calendar.reverted',
        entityType: 'business_calendar',
        entityId: String(year),
        from: { calendar: removed.body },
        to: null,
        at,
      },
    ]);
  });
  return readCalendarYear(ctx, actor, year);
}

function present(
  year: number,
  calendars: BusinessCalendars,
  rows: readonly { year: number; updated_at: Date; updated_by: string | null }[],
): CalendarYear {
  const row = rows.find((r) => r.year === year);
  const shipped = shippedCalendarFiles.some((f) => yearOf(f) === year);
  return {
    year,
    origin: row ? 'edited' : shipped ? 'shipped' : 'fallback',
    calendar: calendars.get(year) ?? calendarForYear(year, calendars),
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
    updatedBy: row?.updated_by ?? null,
  };
}
