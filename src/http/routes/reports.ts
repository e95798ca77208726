/**
 * Reports (SPEC §8.1, §8.3, §8.4, §10.1): the funnel and the SDR scorecard, and the attribution
 * and credit rules they apply (versioned data, GET/PUT /reports/rules).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { definitionKinds } from '../../domain/definitions/definition-body.js';
import { CURRENCY_PATTERN } from '../../domain/incentives/incentive-plan.js';
import type { CountedDefinition } from '../../domain/reports/definition-segments.js';
import { funnelCohorts, funnelDimensions, funnelStages, leakageKinds } from '../../domain/reports/funnel.js';
import type { ReportPeriod } from '../../domain/reports/report-period.js';
import { defaultReportRules, MAX_WEIGHT, MAX_WINDOW_DAYS } from '../../domain/reports/report-rules.js';
import { responsivenessDimensions, responsivenessReasonKinds } from '../../domain/reports/responsiveness.js';
import type { ServiceContext } from '../../services/context.js';
import { type FunnelReport, readFunnelReport } from '../../services/reports/funnel-report.js';
import { type ReportRulesSettings, readReportRules, saveReportRules } from '../../services/reports/report-rules.js';
import { type ResponsivenessReport, readResponsivenessReport } from '../../services/reports/responsiveness-report.js';
import { readSdrReport, type SdrReport } from '../../services/reports/sdr-report.js';
import { problems } from '../problem.js';

const moment = z.string().max(40).describe('a date (2026-03-31: the whole day, UTC) or an ISO-8601 time with a zone');
const periodQuery = {
  from: moment.optional().describe('start, included; default: the beginning'),
  to: moment.optional().describe('end, included (a date: through its last moment); default: now; not before from'),
};

const periodSchema = z.object({
  from: z.string(),
  to: z.string().describe('the last instant included'),
});
const presentPeriod = (p: ReportPeriod) => ({ from: p.from.toISOString(), to: p.to.toISOString() });

const definitionsSchema = z
  .array(
    z.object({
      kind: z.enum(definitionKinds),
      version: z.number().int(),
      effectiveFrom: z.string(),
    }),
  )
  .describe('every stage-definition version in force during the period: what the report counted with (§4.2)');
const presentDefinitions = (d: readonly CountedDefinition[]) =>
  d.map((x) => ({ kind: x.kind, version: x.version, effectiveFrom: x.effectiveFrom.toISOString() }));

const ratio = z.number().nullable().describe('0–1 to 4 decimals; null when nothing entered the stage');
const hours = z.number().nullable();

const funnelRowSchema = z
  .object({
    key: z
      .string()
      .nullable()
      .describe('the slice: channel id, campaign, user id, region code, industry, large|small|unknown; null = none'),
    label: z.string().nullable(),
    leads: z.number().int().describe('captured (live leads; history imports are not counted)'),
    validLeads: z.number().int().describe('meeting the valid-lead definition in force at capture, or went on to MQL'),
    mqls: z.number().int().describe('handed to sales at least once, whatever the rep decided'),
    sqls: z.number().int().describe('accepted by a rep at least once (a later return included)'),
    opportunities: z.number().int().describe('an opportunity was registered (a withdrawn one included)'),
    won: z.number().int(),
    wonAmount: z.number().describe('sum of the won opportunities’ amounts in the report currency (`currency`)'),
    wonAmountOtherCurrencies: z
      .record(z.string(), z.number())
      .describe('won amounts in other currencies, summed per ISO 4217 code (no exchange rates); {} when none'),
    conversion: z.object({
      leadToValidLead: ratio,
      validLeadToMql: ratio,
      mqlToSql: ratio,
      sqlToOpportunity: ratio,
      opportunityToWon: ratio,
      leadToWon: ratio,
    }),
    medianHoursInStage: z
      .object({
        lead: hours.describe('capture → first hand-off'),
        mql: hours.describe('first hand-off → first acceptance'),
        sql: hours.describe('first acceptance → first opportunity'),
        opportunity: hours.describe('first opportunity → won'),
      })
      .describe('median hours in each stage of the leads that went on to the next; null when none did'),
    leakage: z
      .array(
        z.object({
          stage: z.enum(funnelStages).describe('the stage the lead left'),
          kind: z.enum(leakageKinds),
          reason: z.string().nullable().describe('reason code (a lost opportunity: the rep’s words)'),
          labelZh: z.string().nullable(),
          labelEn: z.string().nullable(),
          count: z
            .number()
            .int()
            .describe('leads disqualified now; rejected or returned hand-offs; lost opportunities'),
        }),
      )
      .describe('where leads dropped and why'),
  })
  .meta({ id: 'FunnelRow' });

const funnelSchema = z
  .object({
    period: periodSchema,
    by: z.enum(funnelDimensions),
    cohort: z.enum(funnelCohorts),
    scope: z
      .enum(['all', 'team'])
      .describe("all: every live lead; team: a sales manager's funnel, the leads their team owns or was handed"),
    currency: z.string().describe('ISO 4217 code of wonAmount (report rules: currency)'),
    definitions: definitionsSchema,
    rules: z
      .object({
        version: z.number().int().describe('version of the report rules; 0 = LeadLoop defaults'),
        channelOfRecord: z.literal('first_touch').describe('a lead’s channel and campaign are its first touch’s'),
        sdrAttribution: z
          .literal('handoff_sdr')
          .describe('by=sdr|rep: the hand-off that took the lead furthest; not handed off: the SDR working it'),
        largeCustomerEmployees: z.number().int().describe('by=size: large from this many employees'),
      })
      .describe('the attribution rules applied (§8.4)'),
    rows: z.array(funnelRowSchema),
    total: funnelRowSchema.describe('all slices together'),
  })
  .meta({ id: 'FunnelReport' });

const presentFunnel = (r: FunnelReport) => ({
  ...r,
  period: presentPeriod(r.period),
  definitions: presentDefinitions(r.definitions),
});

const rulesBody = z
  .object({
    creditWindowDays: z
      .number()
      .int()
      .min(0)
      .max(MAX_WINDOW_DAYS)
      .describe('an opportunity registered within this many days of acceptance credits the SQL (45)'),
    withdrawalWindowDays: z
      .number()
      .int()
      .min(0)
      .max(MAX_WINDOW_DAYS)
      .describe('… unless it is withdrawn within this many days of registration (14)'),
    weights: z
      .object({
        inbound: z.number().min(0).max(MAX_WEIGHT).describe('weight of a credit on an inbound lead (1)'),
        outbound: z.number().min(0).max(MAX_WEIGHT).describe('weight of a credit on an SDR-sourced lead (1)'),
      })
      .strict(),
    outboundChannels: z
      .array(z.string().min(1).max(40))
      .max(100)
      .describe('original channels of SDR-sourced (outbound) leads (["outbound"])'),
    largeCustomerEmployees: z
      .number()
      .int()
      .min(1)
      .max(10_000_000)
      .describe('a lead is a large customer from this many employees (500)'),
    currency: z
      .string()
      .regex(CURRENCY_PATTERN, 'must be an ISO 4217 code in capitals, such as CNY')
      .default(defaultReportRules().currency)
      .describe('ISO 4217 code the funnel and channel economics sum won amounts in; CNY when left out'),
  })
  .strict()
  .meta({ id: 'ReportRules' });

const rulesSettingsSchema = z
  .object({
    version: z.number().int().describe('0 = the LeadLoop defaults, never saved'),
    rules: rulesBody,
    savedAt: z.string().nullable(),
    savedBy: z.string().nullable(),
  })
  .meta({ id: 'ReportRulesSettings' });

const presentRules = (s: ReportRulesSettings) => ({ ...s, savedAt: s.savedAt ? s.savedAt.toISOString() : null });

const sdrRowSchema = z
  .object({
    sdrId: z.string(),
    name: z.string(),
    calls: z.number().int().describe('calls the SDR logged in the period'),
    talkTimeSec: z.number().int().describe('their total duration'),
    leadsContacted: z.number().int().describe('leads with any touch but a note from the SDR in the period'),
    mqls: z.number().int().describe('hand-offs the SDR made in the period'),
    sqls: z.number().int().describe('those a rep accepted'),
    creditedSqls: z
      .number()
      .describe(
        'credit rule: opportunity within creditWindowDays of acceptance, not withdrawn within withdrawalWindowDays; × hand-off credit (sync 1/3) × inbound/outbound weight',
      ),
    provisionalCredit: z
      .number()
      .describe('part of creditedSqls whose opportunity is open and may still be withdrawn within the window'),
    opportunities: z.number().int().describe('hand-offs made in the period on which an opportunity was registered'),
  })
  .meta({ id: 'SdrRow' });

const sdrSchema = z
  .object({
    period: periodSchema,
    scope: z.enum(['all', 'own']).describe('own: an SDR sees their own row only'),
    definitions: definitionsSchema,
    rules: rulesBody
      .extend({
        version: z.number().int(),
        partialCredit: z.literal('handoff').describe('each hand-off’s own credit: 1, or a sync’s partial credit (1/3)'),
        sdrAttribution: z.literal('handoff_sdr').describe('credit goes to the SDR who made the hand-off'),
        cohort: z.literal('handoff_created').describe('outcomes of the hand-offs made in the period, followed to now'),
        provisionalCounted: z
          .literal(true)
          .describe('credits still inside the withdrawal window count (see provisionalCredit)'),
      })
      .describe('the credit rules applied (§8.3, §8.4)'),
    rows: z.array(sdrRowSchema),
  })
  .meta({ id: 'SdrReport' });

const presentSdr = (r: SdrReport) => ({
  ...r,
  period: presentPeriod(r.period),
  definitions: presentDefinitions(r.definitions),
});

export async function reportRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/reports/funnel',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Funnel: lead → valid lead → MQL → SQL → opportunity → won, per slice, with conversion, leakage and time in stage',
        description:
          'A lead counts at every stage it ever reached (a rejected MQL is still an MQL). cohort=capture (default): the leads captured in the period, followed to now; cohort=event: each stage counted when it happened in the period. Channel and campaign are the first touch’s.',
        querystring: z
          .object({
            ...periodQuery,
            by: z.enum(funnelDimensions).optional().describe('slice (channel)'),
            cohort: z.enum(funnelCohorts).optional().describe('capture (default) or event'),
          })
          .strict(),
        response: { 200: funnelSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => presentFunnel(await readFunnelReport(ctx, request.actor, request.query)),
  );

  api.get(
    '/reports/sdr',
    {
      schema: {
        tags: ['reports'],
        summary:
          'SDR performance: calls, talk time, MQLs, SQLs, credited SQLs (45/14-day rule, partial credits), opportunities',
        description:
          'creditedSqls: a hand-off the rep accepted counts when an opportunity is registered on it within creditWindowDays (45) of the acceptance and is not withdrawn within withdrawalWindowDays (14) of its registration, both inclusive; it counts with the hand-off’s credit (1, a sync 1/3) times the inbound or outbound weight (1 and 1 by default). The rules applied are in `rules`. An SDR sees their own row only.',
        querystring: z.object(periodQuery).strict(),
        response: { 200: sdrSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => presentSdr(await readSdrReport(ctx, request.actor, request.query)),
  );

  // Sales responsiveness (§8.3, §6.2): per rep or team, a totals row; a sales manager sees their team's reps only.
  const responsivenessRow = z
    .object({
      key: z.string().nullable().describe('rep id (by=rep) or team id (by=team; null: reps in no team)'),
      label: z.string().nullable().describe('the rep’s or the team’s name'),
      received: z.number().int().describe('hand-offs that reached the rep in the period'),
      accepted: z.number().int().describe('accepted, a later return included'),
      rejected: z.number().int(),
      returned: z.number().int().describe('accepted, then returned (also in accepted)'),
      recalled: z.number().int().describe('taken back undecided after a breach'),
      pending: z.number().int().describe('not decided yet'),
      acceptanceRate: ratio.describe('accepted / (accepted + rejected); null when nothing was decided'),
      slaCompliance: ratio.describe('onTime / slaDue; null when no hand-off can be judged yet'),
      onTime: z.number().int().describe('decided by the deadline and never breached'),
      slaDue: z.number().int().describe('decided, or whose deadline has passed'),
      breaches: z.number().int(),
      medianHours: hours.describe('median wall-clock hours to the first decision'),
      p90Hours: hours.describe('90th percentile of the same'),
      reasons: z.array(
        z.object({
          kind: z.enum(responsivenessReasonKinds),
          code: z.string().nullable(),
          labelZh: z.string().nullable(),
          labelEn: z.string().nullable(),
          count: z.number().int(),
        }),
      ),
    })
    .meta({ id: 'ResponsivenessRow' });
  const presentResponsiveness = (r: ResponsivenessReport) => ({ ...r, period: presentPeriod(r.period) });

  api.get(
    '/reports/responsiveness',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Sales responsiveness: per rep or team, acceptance rate, SLA compliance, breaches, hours to decision, reasons',
        description:
          'The hand-offs that reached a rep in the period, followed to now. How each figure is computed is in `rules`. A sales manager sees the reps of their own team only (scope=team).',
        querystring: z
          .object({ ...periodQuery, by: z.enum(responsivenessDimensions).optional().describe('rep (default) or team') })
          .strict(),
        response: {
          200: z
            .object({
              period: periodSchema,
              by: z.enum(responsivenessDimensions),
              scope: z.enum(['all', 'team']),
              rules: z.record(z.string(), z.string()).describe('how each figure is computed'),
              rows: z.array(responsivenessRow),
              total: responsivenessRow,
            })
            .meta({ id: 'ResponsivenessReport' }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => presentResponsiveness(await readResponsivenessReport(ctx, request.actor, request.query)),
  );

  api.get(
    '/reports/rules',
    {
      schema: {
        tags: ['reports'],
        summary: 'The attribution and credit rules in force (§8.3, §8.4)',
        response: { 200: rulesSettingsSchema, ...problems(401, 403) },
      },
    },
    async (request) => presentRules(await readReportRules(ctx, request.actor)),
  );

  api.put(
    '/reports/rules',
    {
      schema: {
        tags: ['reports'],
        summary: 'Save a new version of the attribution and credit rules (reports apply it from now on)',
        body: z.object({ rules: rulesBody }).strict(),
        response: { 200: rulesSettingsSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request) => presentRules(await saveReportRules(ctx, request.actor, request.body.rules)),
  );
}
