/**
 * SLA policies and business calendars (SPEC §6.2): the policy is saved as versions (it applies
 * to clocks started from then on); each year's calendar is an editable file of working hours,
 * weekends, public holidays and make-up workdays (调休), checked field by field.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import {
  type CalendarYear,
  deleteCalendarYear,
  listCalendarYears,
  readCalendarYear,
  saveCalendarYear,
} from '../../services/sla/business-calendars.js';
import { readSlaSettings, type SlaSettings, saveSlaSettings } from '../../services/sla/sla-settings.js';
import { problems } from '../problem.js';

const clockSchema = z.enum(['wall', 'business']).describe('wall-clock time, or working time of the business calendar');

export const slaPolicySchema = z
  .object({
    acceptance: z
      .object({
        hours: z
          .number()
          .gt(0)
          .max(24 * 60)
          .describe('a rep accepts or rejects an MQL within this many hours (48)'),
        clock: clockSchema,
        reminderBeforeHours: z
          .number()
          .min(0)
          .max(24 * 30)
          .describe('reminder this long before the deadline; 0 = none'),
        recallAfterBreachHours: z
          .number()
          .min(0)
          .max(24 * 60)
          .nullable()
          .describe('recall and route again this long after a breach; null = never'),
      })
      .strict(),
    penalty: z
      .object({
        consecutiveBreaches: z.number().int().min(1).max(100).describe('consecutive breaches that suspend a rep (2)'),
        suspensionMonths: z.number().int().min(1).max(24).describe('calendar months of suspension from MQLs (1)'),
      })
      .strict(),
    speedToLead: z
      .object({
        minutes: z
          .number()
          .int()
          .min(1)
          .max(60 * 24 * 30)
          .nullable()
          .describe('first touch on a new inbound lead; null = off'),
        clock: clockSchema,
        exemptChannels: z.array(z.string().min(1).max(100)).max(100).describe('channels that are not inbound'),
      })
      .strict(),
    recall: z
      .object({
        days: z
          .number()
          .gt(0)
          .max(365)
          .describe('an SDR-owned lead with no touch for this long goes back to the pool (14)'),
        clock: clockSchema,
        warningDays: z.number().min(0).max(365).describe('the owner is warned this long before; 0 = no warning'),
      })
      .strict(),
  })
  .strict()
  .superRefine((p, issue) => {
    if (p.recall.warningDays >= p.recall.days) {
      issue.addIssue({
        code: 'custom',
        path: ['recall', 'warningDays'],
        message: 'must be less than recall.days',
        params: { messageZh: '应小于 recall.days' },
      });
    }
    if (p.acceptance.reminderBeforeHours >= p.acceptance.hours) {
      issue.addIssue({
        code: 'custom',
        path: ['acceptance', 'reminderBeforeHours'],
        message: 'must be less than acceptance.hours',
        params: { messageZh: '应小于 acceptance.hours' },
      });
    }
  })
  .meta({ id: 'SlaPolicy' });

const settingsSchema = z
  .object({
    version: z.number().int().describe('0 = the LeadLoop defaults, never saved'),
    policy: slaPolicySchema,
    savedAt: z.string().nullable(),
    savedBy: z.string().nullable(),
  })
  .meta({ id: 'SlaSettings' });

const daySchema = z.object({ date: z.string(), name: z.string() });
const calendarSchema = z
  .object({
    year: z.number().int(),
    timezone: z.string(),
    source: z.string().optional(),
    workHours: z.array(z.object({ start: z.string(), end: z.string() })),
    weekend: z.array(z.number().int()).describe('0 = Sunday … 6 = Saturday'),
    holidays: z.array(daySchema),
    workdays: z.array(daySchema).describe('make-up working days on weekends (调休)'),
  })
  .meta({ id: 'BusinessCalendar' });

const calendarYearSchema = z
  .object({
    year: z.number().int(),
    origin: z.enum(['edited', 'shipped', 'fallback']),
    calendar: calendarSchema,
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'CalendarYear' });

const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

function presentSettings(s: SlaSettings): z.infer<typeof settingsSchema> {
  return { ...s, savedAt: s.savedAt ? s.savedAt.toISOString() : null };
}

const presentYear = (y: CalendarYear) => y as z.infer<typeof calendarYearSchema>;

export async function slaRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/sla/policy',
    {
      schema: {
        tags: ['sla'],
        summary: 'The SLA policy in force: acceptance, penalty, speed to lead, recall',
        response: { 200: settingsSchema, ...problems(401, 403) },
      },
    },
    async (request) => presentSettings(await readSlaSettings(ctx, request.actor)),
  );

  api.put(
    '/sla/policy',
    {
      schema: {
        tags: ['sla'],
        summary: 'Save a new SLA policy version (clocks started from now on use it)',
        body: z.object({ policy: slaPolicySchema }).strict(),
        response: { 200: settingsSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request) => presentSettings(await saveSlaSettings(ctx, request.actor, request.body.policy)),
  );

  api.get(
    '/sla/calendars',
    {
      schema: {
        tags: ['sla'],
        summary: 'The business calendar of every year that has a file (edited or shipped)',
        response: { 200: z.object({ items: z.array(calendarYearSchema) }), ...problems(401, 403) },
      },
    },
    async (request) => ({ items: (await listCalendarYears(ctx, request.actor)).map(presentYear) }),
  );

  api.get(
    '/sla/calendars/:year',
    {
      schema: {
        tags: ['sla'],
        summary: 'One year’s business calendar (a year without a file falls back to weekends and work hours)',
        params: yearParams,
        response: { 200: calendarYearSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => presentYear(await readCalendarYear(ctx, request.actor, request.params.year)),
  );

  api.put(
    '/sla/calendars/:year',
    {
      schema: {
        tags: ['sla'],
        summary: 'Save a year’s calendar file: work hours, weekend, holidays and make-up workdays (调休)',
        params: yearParams,
        body: z.record(z.string(), z.unknown()).describe('a BusinessCalendar; checked field by field'),
        response: { 200: calendarYearSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => presentYear(await saveCalendarYear(ctx, request.actor, request.params.year, request.body)),
  );

  api.delete(
    '/sla/calendars/:year',
    {
      schema: {
        tags: ['sla'],
        summary: 'Drop the edited calendar of a year: the shipped file (or the fallback) applies again',
        params: yearParams,
        response: { 200: calendarYearSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => presentYear(await deleteCalendarYear(ctx, request.actor, request.params.year)),
  );
}
