/** Leads, their touches and merges: the SQL of capture and reading. */

import type { Selectable } from 'kysely';
import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SqlBool,
  sql,
  type Transaction,
} from 'kysely';
import type { FilledFields, MatchableLead } from '../../domain/capture/dedup.js';
import type { NormalisedLead, Source } from '../../domain/capture/lead-input.js';
import type { IcpRule } from '../../domain/cleaning/icp-rules.js';
import type { LeadScope } from '../../domain/policy.js';
import { allInOne, insertRecordset, type RecordsetColumn, recordset } from '../recordset.js';
import type { Database, LeadsTable, SourceRecord } from '../schema.js';
import { type AuditEntry, auditInsert } from './audit.js';
import { type ListenedRow, listenedTypesJson } from './event-fan-out.js';

export type LeadRow = Selectable<LeadsTable>;

/** A score a new lead is inserted with (capture scores a lead before inserting it). */
export interface RowScore {
  total: number;
  fit: number;
  engagement: number;
  qualification: number;
  grade: string;
  rulesVersion: number;
  at: Date;
}

/** A lead to insert: its stored form plus who holds it and when it arrived; unscored without `score`. */
export type NewLeadRow = NormalisedLead & {
  id: string;
  status: string;
  ownerId: string | null;
  createdBy: string | null;
  at: Date;
  score?: RowScore;
  /** What cleaning decided before the insert (default: no reason, no flags). */
  statusReason?: string | null;
  flags?: string[];
};

/** A lead capture creates, with the id of its first arrival's touch (written from the lead's row). */
export type CapturedLeadRow = NewLeadRow & { touchId: string };

export interface TouchRow {
  id: string;
  leadId: string;
  kind: 'capture' | 'merge' | 'import';
  source: Source;
  payload: Record<string, unknown>;
  actorId: string | null;
  importId: string | null;
  at: Date;
}

export interface MergeRow {
  id: string;
  leadId: string;
  touchId: string;
  matchedOn: string;
  filled: FilledFields;
  actorId: string | null;
  at: Date;
}

const sourceRecord = (s: Source): SourceRecord => ({
  channel: s.channel,
  utm: s.utm,
  referrer: s.referrer,
  landingPage: s.landingPage,
  at: s.at,
  ...(s.inferredBy ? { inferredBy: s.inferredBy } : {}),
});

/** What capture reads before it stores a batch (findCaptureContext). */
export interface CaptureContext {
  /** Live leads sharing a dedup key with the batch, oldest first. */
  matches: MatchableLead[];
  /** The ICP rules in order (as loadIcpRules). */
  icpRules: IcpRule[];
  /**
   * The e-mails, among the batch's and its matches', that a pending visitor or anonymous events
   * carry: stitching may have work only for leads with one of them (usually none).
   */
  pendingEmails: Set<string>;
  /** Each named channel's default path (a channel missing from the table has none). */
  channelPaths: Map<string, string>;
  /** listenedTypes' rows (event-fan-out.ts): which event types anyone listens to. */
  listened: ListenedRow[];
  /** The stored business calendars' bodies, by year. */
  calendars: unknown[];
}

/**
 * Everything capture needs to know before it inserts a batch, in one statement: the leads its
 * dedup keys match (live ones, oldest first), the ICP rules (so new leads are cleaned before
 * they are inserted), which e-mails stitching may have work for, and the channels' default
 * paths (so new leads are routed before they are inserted); and, for what follows the insert in
 * the same transaction, which event types anyone listens to and the stored business calendars.
 */
export async function findCaptureContext(
  trx: Transaction<Database>,
  keys: { externalIds: string[]; phones: string[]; emails: string[]; companyKeys: string[] },
  channels: readonly string[],
): Promise<CaptureContext> {
  const any = (values: string[]) => sql`any(${values}::text[])`;
  const ors = [];
  if (keys.externalIds.length) ors.push(sql`external_id = ${any(keys.externalIds)}`);
  if (keys.phones.length) ors.push(sql`phone = ${any(keys.phones)}`);
  if (keys.emails.length) ors.push(sql`email = ${any(keys.emails)}`);
  if (keys.companyKeys.length) ors.push(sql`company_key = ${any(keys.companyKeys)}`);
  const matching = ors.length ? sql.join(ors, sql` OR `) : sql`false`;
  const { rows } = await sql<{
    matches: MatchRow[];
    rules: IcpRule[];
    pending: string[];
    paths: Record<string, string>;
    listened: ListenedRow[];
    calendars: unknown[];
  }>`WITH m AS (
        SELECT id, external_id, name, name_key, phone, email, company, company_key, title, region, region_code,
               industry, employees, created_at
          FROM leads WHERE history = false AND (${matching})),
      e AS (SELECT unnest(${keys.emails}::text[]) AS email UNION SELECT email FROM m WHERE email IS NOT NULL)
    SELECT
      (SELECT coalesce(json_agg(m ORDER BY m.created_at, m.id), '[]') FROM m) AS matches,
      (SELECT coalesce(json_agg(json_build_object('id', id, 'description', description, 'condition', condition,
                'action', action, 'reason', reason, 'flag', flag, 'enabled', enabled) ORDER BY position), '[]')
         FROM icp_rules) AS rules,
      (SELECT coalesce(json_agg(e.email), '[]') FROM e
        WHERE EXISTS (SELECT 1 FROM tracking_visitors v WHERE v.lead_id IS NULL AND v.email = e.email)
           OR EXISTS (SELECT 1 FROM behaviours b WHERE b.lead_id IS NULL AND b.email = e.email)) AS pending,
      (SELECT coalesce(json_object_agg(id, default_path), '{}') FROM channels
        WHERE id = any(${[...new Set(channels)]}::text[])) AS paths,
      ${listenedTypesJson} AS listened,
      (SELECT coalesce(json_agg(body ORDER BY year), '[]') FROM business_calendars) AS calendars`.execute(trx);
  const [row] = rows;
  return {
    matches: row.matches.map((r) => ({
      id: r.id,
      externalId: r.external_id,
      name: r.name,
      nameKey: r.name_key,
      phone: r.phone,
      email: r.email,
      company: r.company,
      companyKey: r.company_key,
      title: r.title,
      region: r.region,
      regionCode: r.region_code,
      industry: r.industry,
      employees: r.employees,
    })),
    icpRules: row.rules,
    pendingEmails: new Set(row.pending),
    channelPaths: new Map(Object.entries(row.paths)),
    listened: row.listened,
    calendars: row.calendars,
  };
}

/** The columns of a lead that dedup matches on. */
type MatchRow = Pick<
  LeadRow,
  | 'id'
  | 'external_id'
  | 'name'
  | 'name_key'
  | 'phone'
  | 'email'
  | 'company'
  | 'company_key'
  | 'title'
  | 'region'
  | 'region_code'
  | 'industry'
  | 'employees'
>;

/** Which of these external ids history leads hold (capture refuses them: SPEC §10.1, unique per lead). */
export async function findHistoryExternalIds(
  trx: Transaction<Database>,
  externalIds: readonly string[],
): Promise<Set<string>> {
  if (externalIds.length === 0) return new Set();
  const rows = await trx
    .selectFrom('leads')
    .select('external_id')
    .where('history', '=', true)
    .where('external_id', '=', sql<string>`any(${[...externalIds]}::text[])`)
    .execute();
  return new Set(rows.map((r) => r.external_id as string));
}

/** Who a lead is — contact, company, channel, custom fields — as columns: live and history leads alike. */
export const leadProfileColumns: RecordsetColumn[] = [
  ['name', 'text'],
  ['name_key', 'text'],
  ['phone', 'text'],
  ['email', 'text'],
  ['company', 'text'],
  ['company_key', 'text'],
  ['title', 'text'],
  ['region', 'text'],
  ['region_code', 'text'],
  ['industry', 'text'],
  ['employees', 'integer'],
  ['channel_id', 'text'],
  ['fields', 'jsonb'],
];

/** The values of leadProfileColumns. */
export function leadProfileRecord(l: NormalisedLead) {
  return {
    name: l.name,
    name_key: l.nameKey,
    phone: l.phone,
    email: l.email,
    company: l.company,
    company_key: l.companyKey,
    title: l.title,
    region: l.region,
    region_code: l.regionCode,
    industry: l.industry,
    employees: l.employees,
    channel_id: l.channel,
    fields: l.fields,
  };
}

/** A new lead's columns but latest_source, JSON columns as values (see leadInsertRow for them as JSON text). */
function leadRecord(l: NewLeadRow) {
  return {
    id: l.id,
    external_id: l.externalId,
    status: l.status,
    owner_id: l.ownerId,
    ...leadProfileRecord(l),
    original_source: sourceRecord(l.source),
    owned_since: l.ownerId ? l.at : null,
    created_by: l.createdBy,
    created_at: l.at,
    updated_at: l.at,
    // the columns' defaults when unscored
    score: l.score?.total ?? 0,
    grade: l.score?.grade ?? null,
    score_fit: l.score?.fit ?? 0,
    score_engagement: l.score?.engagement ?? 0,
    score_qualification: l.score?.qualification ?? 0,
    score_rules_version: l.score?.rulesVersion ?? 0,
    scored_at: l.score?.at ?? null,
  };
}

/** The columns of a new lead, as inserted (also what bench/ingest inserts raw, for an equal row). */
export function leadInsertRow(l: NewLeadRow) {
  const row = leadRecord(l);
  return {
    ...row,
    original_source: JSON.stringify(row.original_source),
    latest_source: JSON.stringify(row.original_source),
    fields: JSON.stringify(row.fields),
  };
}

export async function insertLeads(trx: Transaction<Database>, leads: readonly NewLeadRow[]): Promise<void> {
  for (let i = 0; i < leads.length; i += 500) {
    await trx
      .insertInto('leads')
      .values(leads.slice(i, i + 500).map(leadInsertRow))
      .execute();
  }
}

const leadColumns: RecordsetColumn[] = [
  ['id', 'text'],
  ['external_id', 'text'],
  ['status', 'text'],
  ['owner_id', 'text'],
  ...leadProfileColumns,
  ['original_source', 'jsonb'],
  ['owned_since', 'timestamptz'],
  ['created_by', 'text'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
  ['score', 'integer'],
  ['grade', 'text'],
  ['score_fit', 'integer'],
  ['score_engagement', 'integer'],
  ['score_qualification', 'integer'],
  ['score_rules_version', 'integer'],
  ['scored_at', 'timestamptz'],
];

/**
 * A captured lead's columns: cleaning has decided its status reason and flags before the insert;
 * its first touch's id rides along (the touch is written from the lead's row).
 */
const capturedLeadColumns: RecordsetColumn[] = [
  ...leadColumns,
  ['status_reason', 'text'],
  ['flags', 'text[]'],
  ['touch_id', 'text'],
];
const capturedLeadNames = capturedLeadColumns
  .slice(0, -1)
  .map(([name]) => name)
  .join(', ');

/** A captured lead's record: leadRecord's columns but latest_source (the original one), cleaning's and the touch's. */
function capturedLeadRecord(l: CapturedLeadRow) {
  return Object.assign(leadRecord(l), {
    status_reason: l.statusReason ?? null,
    flags: l.flags ?? [],
    touch_id: l.touchId,
  });
}

const touchColumns: RecordsetColumn[] = [
  ['id', 'text'],
  ['lead_id', 'text'],
  ['kind', 'text'],
  ['channel_id', 'text'],
  ['utm', 'jsonb'],
  ['referrer', 'text'],
  ['landing_page', 'text'],
  ['payload', 'jsonb'],
  ['actor_id', 'text'],
  ['import_id', 'text'],
  ['occurred_at', 'timestamptz'],
];

const touchNames = touchColumns.map(([name]) => name).join(', ');

const mergeColumns: RecordsetColumn[] = [
  ['id', 'text'],
  ['lead_id', 'text'],
  ['touch_id', 'text'],
  ['matched_on', 'text'],
  ['filled', 'jsonb'],
  ['actor_id', 'text'],
  ['created_at', 'timestamptz'],
];

/**
 * What a capture batch writes, in one statement: new leads with their first arrival's touch,
 * the merged arrivals' touches, the merges and the audit entries. (Merged repeats' changes to
 * their leads follow with applyMerges: a repeat may merge into a lead this very statement creates.)
 */
export async function insertCaptured(
  trx: Transaction<Database>,
  rows: {
    leads: readonly CapturedLeadRow[];
    /** The new leads' first touches: their kind and import (the rest is the lead's row). */
    firstTouch: { kind: 'capture' | 'import'; importId: string | null };
    /** The merged arrivals' touches. */
    touches: readonly TouchRow[];
    merges: readonly MergeRow[];
    audit: readonly AuditEntry[];
  },
  /** More writes for the same statement (score ledger, reasons used): none may touch `leads`. */
  more: readonly RawBuilder<unknown>[] = [],
): Promise<void> {
  const statements = [];
  const read = [];
  // Touches in one INSERT, the new leads' first ones before the merged arrivals' (a lead's
  // touches at one instant are read in the order they were written).
  const touchSources = [];
  if (rows.leads.length) {
    // The leads travel once: their row is also their first touch (its channel, UTM, referrer
    // and landing page are the lead's original source; nothing else said), and a new lead's
    // latest source is its original one.
    read.push(sql`captured AS (SELECT * FROM ${recordset(rows.leads.map(capturedLeadRecord), capturedLeadColumns)})`);
    statements.push(
      sql`INSERT INTO leads (${sql.raw(capturedLeadNames)}, latest_source)
        SELECT ${sql.raw(capturedLeadNames)}, original_source FROM captured`,
    );
    touchSources.push(
      sql`SELECT touch_id, id, ${rows.firstTouch.kind}::text, channel_id, coalesce(original_source->'utm', '{}'),
             original_source->>'referrer', original_source->>'landingPage', '{}'::jsonb, created_by,
             ${rows.firstTouch.importId}::text, created_at
        FROM captured`,
    );
  }
  if (rows.touches.length) {
    const touches = rows.touches.map((t) => ({
      id: t.id,
      lead_id: t.leadId,
      kind: t.kind,
      channel_id: t.source.channel,
      utm: t.source.utm ?? {},
      referrer: t.source.referrer,
      landing_page: t.source.landingPage,
      payload: t.payload,
      actor_id: t.actorId,
      import_id: t.importId,
      occurred_at: t.at,
    }));
    touchSources.push(sql`SELECT ${sql.raw(touchNames)} FROM ${recordset(touches, touchColumns)}`);
  }
  if (touchSources.length)
    statements.push(sql`INSERT INTO lead_touches (${sql.raw(touchNames)}) ${sql.join(touchSources, sql` UNION ALL `)}`);
  if (rows.merges.length) {
    const merges = rows.merges.map((m) => ({
      id: m.id,
      lead_id: m.leadId,
      touch_id: m.touchId,
      matched_on: m.matchedOn,
      filled: m.filled,
      actor_id: m.actorId,
      created_at: m.at,
    }));
    statements.push(insertRecordset('lead_merges', merges, mergeColumns));
  }
  statements.push(...more);
  if (rows.audit.length) statements.push(auditInsert(rows.audit));
  await allInOne(statements, read)?.execute(trx);
}

/** The column of each field a merge can fill (and a revert can clear). */
export const filledFieldColumn: Record<keyof FilledFields, keyof LeadsTable> = {
  externalId: 'external_id',
  phone: 'phone',
  email: 'email',
  company: 'company',
  companyKey: 'company_key',
  title: 'title',
  region: 'region',
  regionCode: 'region_code',
  industry: 'industry',
  employees: 'employees',
};

export interface MergeChange {
  leadId: string;
  filled: FilledFields;
  source: Source;
  fields: Record<string, unknown>;
  at: Date;
}

/**
 * Merged repeats, in one statement: the latest source moves, empty fields fill (COALESCE keeps
 * what is there: `filled` only holds fields the lead lacked), custom fields add without
 * overwriting. Several repeats of one lead are folded first, in arrival order.
 */
export async function applyMerges(trx: Transaction<Database>, changes: readonly MergeChange[]): Promise<void> {
  if (changes.length === 0) return;
  const byLead = new Map<string, Record<string, unknown>>();
  for (const c of changes) {
    const row = byLead.get(c.leadId) ?? { id: c.leadId, fields: {} };
    for (const [field, value] of Object.entries(c.filled)) row[filledFieldColumn[field as keyof FilledFields]] = value;
    row.fields = { ...c.fields, ...(row.fields as object) }; // an earlier arrival's value stays
    row.latest_source = sourceRecord(c.source);
    row.at = c.at.toISOString();
    byLead.set(c.leadId, row);
  }
  const columns = Object.values(filledFieldColumn);
  await sql`UPDATE leads SET
      latest_source = v.latest_source,
      updated_at = v.at,
      fields = v.fields || leads.fields,
      ${sql.join(columns.map((c) => sql`${sql.ref(c)} = COALESCE(leads.${sql.ref(c)}, v.${sql.ref(c)})`))}
    FROM jsonb_to_recordset(${JSON.stringify([...byLead.values()])}::jsonb) AS v(
      id text, latest_source jsonb, at timestamptz, fields jsonb,
      external_id text, phone text, email text, company text, company_key text, title text,
      region text, region_code text, industry text, employees integer)
    WHERE leads.id = v.id`.execute(trx);
}

/** SQL form of the policy's lead scope (SPEC §1); the policy decides, this only translates. */
export function scopeFilter(scope: LeadScope) {
  return (eb: ExpressionBuilder<Database, 'leads'>): Expression<SqlBool> => {
    const handedTo = (userIds: Expression<unknown>) =>
      eb.exists(
        eb
          .selectFrom('handoffs')
          .select('handoffs.id')
          .whereRef('handoffs.lead_id', '=', 'leads.id')
          .where('handoffs.rep_id', 'in', userIds as never),
      );
    const teamMembers = (teamId: string | null, userId: string) =>
      eb
        .selectFrom('users')
        .select('users.id')
        .where((w) => (teamId ? w('users.team_id', '=', teamId) : w('users.id', '=', userId)));
    switch (scope.kind) {
      case 'all':
        return sql<SqlBool>`true`;
      case 'handed_to':
        return eb.or([eb('leads.owner_id', '=', scope.userId), handedTo(sql`(${scope.userId})`)]);
      case 'sales_team':
        return eb.or([
          eb('leads.owner_id', 'in', teamMembers(scope.teamId, scope.userId)),
          handedTo(teamMembers(scope.teamId, scope.userId)),
        ]);
      case 'sdr_team':
        return eb.or([
          eb('leads.owner_id', 'is', null),
          eb('leads.owner_id', 'in', teamMembers(scope.teamId, scope.userId)),
          eb('leads.created_by', '=', scope.userId),
          eb.exists(
            eb
              .selectFrom('handoffs')
              .select('handoffs.id')
              .whereRef('handoffs.lead_id', '=', 'leads.id')
              .where('handoffs.sdr_id', '=', scope.userId),
          ),
        ]);
    }
  };
}

export async function findLead(
  db: Kysely<Database>,
  id: string,
  scope: LeadScope,
): Promise<{ row: LeadRow; visible: boolean } | undefined> {
  const row = await db
    .selectFrom('leads')
    .selectAll()
    .select((eb) => sql<boolean>`${scopeFilter(scope)(eb)}`.as('visible'))
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { visible, ...lead } = row as LeadRow & { visible: boolean };
  return { row: lead, visible };
}

export async function findLeadsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<LeadRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('leads').selectAll().where('id', 'in', ids).execute();
}

export interface LeadListFilter {
  status?: string;
  ownerId?: string | null;
  channel?: string;
  externalId?: string;
  /** Live (false) or history (true) leads; undefined: both. */
  history?: boolean;
  q?: string;
  createdFrom?: Date;
  createdTo?: Date;
}

export interface ListCursor {
  createdAt: string;
  id: string;
}

export async function listLeads(
  db: Kysely<Database>,
  filter: LeadListFilter,
  scope: LeadScope,
  page: { cursor?: ListCursor; limit: number },
): Promise<LeadRow[]> {
  let query = db.selectFrom('leads').selectAll().where(scopeFilter(scope));
  if (filter.history !== undefined) query = query.where('history', '=', filter.history);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.ownerId !== undefined)
    query = query.where('owner_id', filter.ownerId === null ? 'is' : '=', filter.ownerId);
  if (filter.channel) query = query.where('channel_id', '=', filter.channel);
  if (filter.externalId) query = query.where('external_id', '=', filter.externalId);
  if (filter.createdFrom) query = query.where('created_at', '>=', filter.createdFrom);
  if (filter.createdTo) query = query.where('created_at', '<', filter.createdTo);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('name', 'ilike', like),
        eb('company', 'ilike', like),
        eb('phone', 'like', like),
        eb('email', 'ilike', like),
      ]),
    );
  }
  if (page.cursor) {
    const { createdAt, id } = page.cursor;
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', new Date(createdAt)),
        eb.and([eb('created_at', '=', new Date(createdAt)), eb('id', '<', id)]),
      ]),
    );
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
}
