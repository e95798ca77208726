/** The JSON shape of a lead (SPEC §10.1), decided here once. */
import { z } from 'zod';
import { leadStatuses } from '../../domain/lead-status.js';
import type { LeadRow } from '../../store/repositories/leads.js';
import type { SourceRecord } from '../../store/schema.js';

const utmSchema = z.object({
  source: z.string().nullable(),
  medium: z.string().nullable(),
  campaign: z.string().nullable(),
  term: z.string().nullable(),
  content: z.string().nullable(),
});

export const sourceSchema = z
  .object({
    channel: z.string().nullable(),
    utm: utmSchema,
    referrer: z.string().nullable(),
    landingPage: z.string().nullable(),
    at: z.string(),
    inferredBy: z.string().optional().describe('the "UTM default" rule that filled utm when the lead came without'),
  })
  .meta({ id: 'Source' });

export const leadSchema = z
  .object({
    id: z.string(),
    externalId: z.string().nullable(),
    status: z.enum(leadStatuses),
    statusReason: z.string().nullable(),
    ownerId: z.string().nullable(),
    name: z.string().nullable(),
    phone: z.string().nullable().describe('E.164'),
    email: z.string().nullable(),
    company: z.string().nullable(),
    title: z.string().nullable(),
    region: z.string().nullable(),
    regionCode: z.string().nullable().describe('GB/T 2260 code of the province or city'),
    industry: z.string().nullable(),
    employees: z.number().int().nullable(),
    channel: z.string().nullable(),
    originalSource: sourceSchema,
    latestSource: sourceSchema,
    flags: z.array(z.string()),
    tags: z.array(z.string()).describe('free tags for segments and nurture (PUT /leads/{id}/tags)'),
    doNotContact: z.boolean().describe('contact touches are refused (SPEC §6.3)'),
    doNotContactReason: z.string().nullable(),
    resurfaced: z
      .object({ trigger: z.string(), at: z.string() })
      .nullable()
      .describe('why and when the lead last came back from the pool to the SDR queue (SPEC §7)'),
    score: z.number(),
    grade: z.string().nullable(),
    fields: z.record(z.string(), z.unknown()),
    history: z.boolean(),
    outcome: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Lead' });

export type LeadJson = z.infer<typeof leadSchema>;

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

const presentSource = (s: SourceRecord) => ({ ...s, at: iso(s.at) });

export function presentLead(row: LeadRow): LeadJson {
  return {
    id: row.id,
    externalId: row.external_id,
    status: row.status as LeadJson['status'],
    statusReason: row.status_reason,
    ownerId: row.owner_id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    company: row.company,
    title: row.title,
    region: row.region,
    regionCode: row.region_code,
    industry: row.industry,
    employees: row.employees,
    channel: row.channel_id,
    originalSource: presentSource(row.original_source),
    latestSource: presentSource(row.latest_source),
    flags: row.flags,
    tags: row.tags ?? [],
    doNotContact: row.do_not_contact ?? false,
    doNotContactReason: row.do_not_contact_reason ?? null,
    resurfaced:
      row.resurfaced_trigger && row.resurfaced_at
        ? { trigger: row.resurfaced_trigger, at: iso(row.resurfaced_at) }
        : null,
    score: row.score,
    grade: row.grade,
    fields: row.fields,
    history: row.history,
    outcome: row.outcome,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
