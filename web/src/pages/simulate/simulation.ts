/**
 * The shapes of POST /simulations (SPEC §8.6) as the console reads them, the call itself, and
 * the default period: the last full calendar months before the server's now.
 */
import type { RoutingPath } from '../../../../src/domain/routing/routing-rules.js';
import type {
  ChangedLead,
  LeadOutcome,
  RepLoad,
  SideSummary,
  SimulationKind,
} from '../../../../src/domain/simulation/simulation-types.js';
import type { SimulationAnswer } from '../../../../src/services/simulation/simulate-policy.js';
import { api } from '../../api';
import type { Wire } from '../../wire';

export const simulationKinds = ['definition', 'scoring', 'routing', 'sla'] as const satisfies readonly SimulationKind[];
export type { ChangedLead, LeadOutcome, RepLoad, RoutingPath, SimulationKind };

export const routingPaths: readonly RoutingPath[] = ['direct_to_sales', 'sdr_queue', 'disqualified', 'pool'];

/** One side of the comparison as POST /simulations sends it. */
export type SimulationSide = SideSummary;

/** POST /simulations' answer. */
export type Simulation = Wire<SimulationAnswer>;

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
