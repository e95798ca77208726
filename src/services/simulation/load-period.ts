/**
 * Loads what a simulation replays (SPEC §8.6): the period's live leads as the pure functions
 * read them — their scoring inputs, their definition facts, the facts routing looked at when
 * they were captured, their CRM account match — the real hand-offs of those leads, and each
 * month's roster. Selects only; nothing here writes.
 *
 * Replay assumptions, stated once: a lead's path is replayed as at capture (status `new`, or
 * `disqualified` when cleaning put it there); rosters are this month's profiles with each
 * month's eligibility list, and suspensions are not replayed (the sla kind counts them).
 */
import type { RepCandidate } from '../../domain/routing/routing-types.js';
import type { RealHandoff, SimulationLead } from '../../domain/simulation/simulation-types.js';
import type { Queryable } from '../../store/db.js';
import { findAccountMatches } from '../../store/repositories/accounts.js';
import { loadRepCandidates } from '../../store/repositories/roster.js';
import {
  hasAccounts,
  loadPeriodAnswers,
  loadPeriodBehaviours,
  loadPeriodHandoffs,
  loadPeriodLeads,
  loadPeriodOpportunityLeads,
  type PeriodLeadRow,
} from '../../store/repositories/simulation.js';
import { leadFactsOf } from '../definitions/lead-facts.js';
import { listFrameworks } from '../frameworks.js';
import { creditCodeOf } from '../handoffs/route-lead.js';
import { eligibilityMonth } from '../roster/eligibility-month.js';
import { bestQualification } from '../scoring/rescore.js';

export interface PeriodData {
  leads: SimulationLead[];
  handoffs: RealHandoff[];
  rosterAt: (at: Date) => readonly RepCandidate[];
}

/** `scoring`: load what scoring reads too (a scoring candidate recomputes every score). */
export async function loadPeriod(
  db: Queryable,
  period: { from: Date; to: Date },
  options: { scoring: boolean },
): Promise<PeriodData> {
  const rows = await loadPeriodLeads(db, period);
  const handoffRows = await loadPeriodHandoffs(db, period);
  const opportunities = await loadPeriodOpportunityLeads(db, period);
  const frameworks = await listFrameworks(db);
  const accepted = new Set(handoffRows.filter((h) => h.status === 'accepted').map((h) => h.lead_id));
  const accounts = (await hasAccounts(db)) ? await matchAccounts(db, rows) : null;

  const answers = await loadPeriodAnswers(db, period);
  const behaviours = options.scoring ? await loadPeriodBehaviours(db, period) : null;
  const leads: SimulationLead[] = rows.map((row) => {
    const answered = answers.get(row.id) ?? [];
    return {
      id: row.id,
      name: row.name,
      company: row.company,
      createdAt: new Date(row.created_at),
      scoring: behaviours && {
        lead: { title: row.title, employees: row.employees, industry: row.industry, regionCode: row.region_code },
        behaviours: behaviours.get(row.id) ?? [],
        qualificationLines: bestQualification(answered, frameworks).lines,
      },
      stored: { total: row.scored_at === null ? null : row.score, grade: row.grade },
      facts: leadFactsOf(row, answered, {
        acceptedBySales: accepted.has(row.id),
        opportunityRegistered: opportunities.has(row.id),
      }),
      route: {
        channel: row.channel_id,
        channelPath: row.default_path,
        status: row.status === 'disqualified' ? 'disqualified' : 'new',
        flags: row.flags,
        fields: row.fields,
      },
      routing: { id: row.id, regionCode: row.region_code, industry: row.industry, title: row.title },
      account: accounts?.get(row.id) ?? null,
    };
  });

  return {
    leads,
    handoffs: handoffRows.map((h) => ({
      id: h.id,
      leadId: h.lead_id,
      repId: h.rep_id,
      createdAt: new Date(h.created_at),
      decidedAt: h.decided_at === null ? null : new Date(h.decided_at),
    })),
    rosterAt: await loadRosters(db, period),
  };
}

/** One roster per month of the period, each with that month's eligibility list. */
async function loadRosters(db: Queryable, period: { from: Date; to: Date }) {
  const rosters = new Map<string, RepCandidate[]>();
  const last = eligibilityMonth(new Date(period.to.getTime() - 1));
  for (let month = eligibilityMonth(period.from); month <= last; month = nextMonth(month)) {
    const reps = await loadRepCandidates(db, { month, now: period.from });
    rosters.set(
      month,
      reps.map((r) => ({ ...r, suspendedUntil: null, openMqls: 0 })),
    );
  }
  // Called once per lead: remember the month of each hour rather than formatting every instant.
  const byHour = new Map<number, RepCandidate[]>();
  return (at: Date) => {
    const hour = Math.floor(at.getTime() / HOUR_MS);
    let roster = byHour.get(hour);
    if (!roster) {
      roster = rosters.get(eligibilityMonth(at)) ?? [];
      byHour.set(hour, roster);
    }
    return roster;
  };
}

/** Months change on the hour in Asia/Shanghai (UTC+8), so an hour never straddles two. */
const HOUR_MS = 3_600_000;

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** CRM account matches, one look-up per distinct company (many leads share one). */
function matchAccounts(db: Queryable, rows: readonly PeriodLeadRow[]) {
  return findAccountMatches(
    db,
    rows.map((row) => ({ id: row.id, companyKey: row.company_key, creditCode: creditCodeOf(row.fields) })),
  );
}
