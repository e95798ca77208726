/**
 * The shapes of POST /simulations (SPEC §8.6) as the console reads them, the call itself, and
 * the default period: the last full calendar months before the server's now.
 */
import { api } from '../../api';

export const simulationKinds = ['definition', 'scoring', 'routing', 'sla'] as const;
export type SimulationKind = (typeof simulationKinds)[number];

export type RoutingPath = 'direct_to_sales' | 'sdr_queue' | 'disqualified' | 'pool';
export const routingPaths: readonly RoutingPath[] = ['direct_to_sales', 'sdr_queue', 'disqualified', 'pool'];

export interface RepLoad {
  repId: string;
  handoffs: number;
  share: number;
  weightShare: number;
  perDay: number;
  peakDay: number;
}

export interface SimulationSide {
  leads: number;
  mqls: number;
  paths: Record<RoutingPath, number>;
  handoffs: number;
  syncs: number;
  dispatches: number;
  handoffsPerDay: number;
  load: RepLoad[];
  fairness: { maxDeviation: number; index: number | null };
  expectedSlaBreaches: number | null;
  slaBasis: 'replayed_handoffs' | 'estimated_from_load' | null;
  suspensions: number | null;
  expectedSqls: number | null;
  expectedWins: number | null;
}

export interface LeadOutcome {
  /** Null: never scored (the stored score is what live gating reads). */
  score: number | null;
  grade: string | null;
  mql: boolean;
  path: RoutingPath;
  repId: string | null;
  handoffKind: 'assign' | 'sync' | 'dispatch' | null;
  slaBreached: boolean | null;
}

export interface ChangedLead {
  leadId: string;
  name: string | null;
  company: string | null;
  current: LeadOutcome;
  candidate: LeadOutcome;
  reason: string;
}

export interface Simulation {
  kind: SimulationKind;
  from: string;
  to: string;
  current: SimulationSide & { version: number };
  candidate: SimulationSide & { versionId: string | null; version: number | null };
  diff: {
    leads: number;
    mqls: number;
    handoffs: number;
    dispatches: number;
    expectedSlaBreaches: number | null;
    expectedSqls: number | null;
    expectedWins: number | null;
    maxDeviation: number;
    load: { repId: string; handoffs: number }[];
    /** Leads whose outcome differs; `changedLeads` is an evenly spread sample of them. */
    changed: number;
    changedLeads: ChangedLead[];
  };
}

export interface SimulationRequest {
  kind: SimulationKind;
  /** A body as the kind's settings API takes it, or the id of a stored version. */
  candidate: Record<string, unknown> | string;
  /** ISO dates; `to` is not included. */
  from: string;
  to: string;
}

export function runSimulation(request: SimulationRequest): Promise<Simulation> {
  return api<Simulation>('POST', '/simulations', request);
}

export interface Period {
  from: string;
  to: string;
}

const isoDate = (year: number, month: number) => new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);

/** The `months` full calendar months (UTC) before the month of `now`: [first day, first day of now's month). */
export function lastFullMonths(now: string | Date, months = 3): Period {
  const at = new Date(now);
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  return { from: isoDate(year, month - months), to: isoDate(year, month) };
}

/** The /simulate address that opens on a kind, with a pending version as the candidate and a period. */
export function simulatePath(params: { kind: SimulationKind; version?: number; period?: Period }): string {
  const query = new URLSearchParams({ kind: params.kind });
  if (params.version !== undefined) query.set('version', String(params.version));
  if (params.period) {
    query.set('from', params.period.from);
    query.set('to', params.period.to);
  }
  return `/simulate?${query}`;
}
