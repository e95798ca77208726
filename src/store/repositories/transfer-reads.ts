/**
 * What a transfer (POST /leads/{id}/transfer) reads, in two statements instead of some twenty:
 *
 * 1. lockLeadInScope: the lead's whole row, locked (FOR UPDATE), with whether the caller's
 *    scope covers it — every later step works from this row instead of reading the lead again.
 * 2. readTransferFacts, right after the lock (a fresh snapshot, so it sees whatever a transfer
 *    of the same lead committed while this one waited): the lead's open hand-off, its
 *    milestones, qualification answers, touches, behaviours and activities, and what the
 *    transfer's rules and routing read — the policy versions in force (seeds the
 *    transaction's policy snapshot), qualification frameworks, business calendars, the event
 *    types anyone listens to, the reps' loads, the roster when its version differs from the
 *    one the caller holds (services/roster/roster-cache.ts), and the CRM account the lead's
 *    company matches (accounts.ts accountMatchesQuery, on the locked row's keys). Each part is a sub-select aggregated
 *    as JSON, so one round trip and one plan.
 */
import { type Selectable, sql, type Transaction } from 'kysely';
import type { LeadScope } from '../../domain/policy.js';
import { preparedMark, preparedStatement } from '../prepared.js';
import type { Database, LeadsTable } from '../schema.js';
import { type AccountMatchKeys, type AccountMatchRow, accountMatchesOf, accountMatchesQuery } from './accounts.js';
import { listenedTypesOf } from './event-fan-out.js';
import { scopeFilter } from './leads.js';
import { type PackageRowsJson, packageRowsColumns } from './mql-package.js';
import { policySnapshotQuery, seedPolicySnapshot } from './policy-snapshot.js';
import { type RosterRowJson, repCandidatesQuery } from './roster.js';
import type { StoredScore } from './scores.js';

export type LockedLead = Selectable<LeadsTable>;

/** The lead locked for the transfer, and whether `scope` covers it; undefined when there is no such lead. */
export async function lockLeadInScope(
  trx: Transaction<Database>,
  leadId: string,
  scope: LeadScope,
): Promise<{ lead: LockedLead; visible: boolean } | undefined> {
  const row = await trx
    .selectFrom('leads')
    .selectAll()
    .select((eb) => sql<boolean>`${scopeFilter(scope)(eb)}`.as('visible'))
    .where('id', '=', leadId)
    .forUpdate()
    .modifyEnd(preparedMark)
    .executeTakeFirst();
  if (!row) return undefined;
  const { visible, ...lead } = row as LockedLead & { visible: boolean };
  return { lead, visible };
}

export interface TransferFacts extends PackageRowsJson {
  openHandoffId: string | null;
  acceptedBySales: boolean;
  opportunityRegistered: boolean;
  /** Rows of qualification_frameworks, oldest first. */
  frameworks: { id: string; built_in: boolean; definition: unknown }[];
  /** Bodies of the edited business calendar years, by year. */
  calendars: unknown[];
  listened: ReturnType<typeof listenedTypesOf>;
  /** The roster's version, and its rows (by user id) unless the caller holds that version. */
  rosterVersion: number;
  roster: RosterRowJson[] | null;
  /** Open MQLs by rep (rep_loads; absent = 0). */
  loads: Record<string, number>;
  /** The CRM account matched (by lead id: this lead's, or none). */
  accounts: ReturnType<typeof accountMatchesOf>;
}

/**
 * See the file's comment; `month` is the eligibility month of the routing decision, `account`
 * what the lead's CRM account is matched on (read from the locked row), `heldRosterVersion`
 * the version of `month`'s roster the caller holds (null: none).
 */
export async function readTransferFacts(
  trx: Transaction<Database>,
  leadId: string,
  month: string,
  account: AccountMatchKeys,
  heldRosterVersion: number | null,
): Promise<TransferFacts> {
  const accounts = accountMatchesQuery([account]);
  const { rows } = await preparedStatement(sql<
    PackageRowsJson & {
      open_handoff: string | null;
      accepted: boolean;
      opportunity: boolean;
      policy: unknown[] | null;
      frameworks: TransferFacts['frameworks'] | null;
      calendars: unknown[] | null;
      listened: { type: string; email: boolean }[] | null;
      roster_version: number | string;
      roster: RosterRowJson[] | null;
      loads: Record<string, number> | null;
      accounts: AccountMatchRow[] | null;
    }
  >`SELECT
      (SELECT id FROM handoffs WHERE lead_id = ${leadId} AND status = 'pending' LIMIT 1) AS open_handoff,
      EXISTS (SELECT 1 FROM handoffs WHERE lead_id = ${leadId} AND status = 'accepted') AS accepted,
      EXISTS (SELECT 1 FROM opportunities WHERE lead_id = ${leadId} AND stage <> 'withdrawn') AS opportunity,
      ${packageRowsColumns(sql`${leadId}`)},
      (SELECT json_agg(p) FROM (${policySnapshotQuery}) p) AS policy,
      (SELECT json_agg(f ORDER BY f.created_at, f.id) FROM qualification_frameworks f) AS frameworks,
      (SELECT json_agg(c.body ORDER BY c.year) FROM business_calendars c) AS calendars,
      (SELECT json_agg(l) FROM (
         SELECT unnest(events) AS type, false AS email FROM webhooks WHERE deleted_at IS NULL
         UNION SELECT unnest(events), false FROM chat_robots WHERE deleted_at IS NULL
         UNION SELECT unnest(events), true FROM smtp_settings) l) AS listened,
      v.version AS roster_version,
      CASE WHEN v.version = ${heldRosterVersion}::bigint THEN NULL
           ELSE (SELECT json_agg(r ORDER BY r.id) FROM (${repCandidatesQuery(trx, month)}) r) END AS roster,
      (SELECT json_object_agg(rep_id, open_mqls) FROM rep_loads WHERE open_mqls > 0) AS loads,
      ${accounts ? sql`(SELECT json_agg(a) FROM (${accounts}) a)` : sql`NULL::json`} AS accounts
    FROM roster_version v`).execute(trx);
  const r = rows[0];
  seedPolicySnapshot(trx, r.policy ?? []);
  return {
    openHandoffId: r.open_handoff,
    acceptedBySales: r.accepted,
    opportunityRegistered: r.opportunity,
    qualifications: r.qualifications,
    touches: r.touches,
    behaviours: r.behaviours,
    activities: r.activities,
    frameworks: r.frameworks ?? [],
    calendars: r.calendars ?? [],
    listened: listenedTypesOf(r.listened ?? []),
    rosterVersion: Number(r.roster_version),
    roster: r.roster ?? (Number(r.roster_version) === heldRosterVersion ? null : []),
    loads: r.loads ?? {},
    accounts: accountMatchesOf(r.accounts ?? []),
  };
}

/** The stored score of the locked row, as scores.ts loadScoringInputs gives it. */
export function storedScoreOf(lead: LockedLead): StoredScore {
  return {
    id: lead.id,
    title: lead.title,
    employees: lead.employees,
    industry: lead.industry,
    regionCode: lead.region_code,
    score: lead.score,
    grade: lead.grade,
    fit: lead.score_fit,
    engagement: lead.score_engagement,
    qualification: lead.score_qualification,
    scoredAt: lead.scored_at === null ? null : new Date(lead.scored_at),
    rulesVersion: lead.score_rules_version,
  };
}
