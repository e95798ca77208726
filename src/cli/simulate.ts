/**
 * `leadloop simulate` (SPEC §8.6): the same read-only replay as `POST /simulations`, from the
 * command line — a candidate (a JSON file with the body the settings API takes, or a stored
 * version's id) next to the version in force over a period, printed as two columns with the
 * difference, the per-rep load and a sample of leads whose outcome changes, or `--json`.
 *
 *   leadloop simulate --kind definition --candidate stricter-mql.json --from 2026-01-01 --to 2026-04-01
 */
import { readFileSync } from 'node:fs';
import type { Config } from '../config.js';
import { DomainError } from '../domain/errors.js';
import { type SimulationKind, simulationKinds } from '../domain/simulation/simulation-types.js';
import { type SimulationAnswer, simulatePolicy } from '../services/simulation/simulate-policy.js';
import { openCliWorkspace } from './cli-workspace.js';

export interface SimulateOptions {
  kind: SimulationKind;
  candidate: string;
  from: string;
  to: string;
  as?: string;
  json?: boolean;
}

/** A candidate file's body, or the text itself as a stored version's id. */
function readCandidate(candidate: string): string | Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(candidate, 'utf8');
  } catch {
    return candidate; // not a file: a stored version's id
  }
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new DomainError('invalid', `${candidate} is not JSON: ${(error as Error).message}`, [
      { field: 'candidate', message: 'is not JSON', messageZh: '不是有效的 JSON' },
    ]);
  }
}

const fixed = (v: number | null, digits = 0) => (v === null ? '—' : v.toFixed(digits));
const signed = (v: number | null, digits = 0) => (v === null ? '—' : `${v > 0 ? '+' : ''}${v.toFixed(digits)}`);

export function printSimulation(a: SimulationAnswer): void {
  const candidateName = a.candidate.version === null ? 'candidate' : `candidate (v${a.candidate.version})`;
  console.log(`Simulation of the ${a.kind} from ${a.from.toISOString()} to ${a.to.toISOString()} (nothing is written)`);
  const rows: [string, number | null, number | null, number | null, number][] = [
    ['leads', a.current.leads, a.candidate.leads, a.diff.leads, 0],
    ['MQLs', a.current.mqls, a.candidate.mqls, a.diff.mqls, 0],
    ['hand-offs', a.current.handoffs, a.candidate.handoffs, a.diff.handoffs, 0],
    ['manual dispatches', a.current.dispatches, a.candidate.dispatches, a.diff.dispatches, 0],
    ['hand-offs per day', a.current.handoffsPerDay, a.candidate.handoffsPerDay, null, 1],
    [
      'expected SLA breaches',
      a.current.expectedSlaBreaches,
      a.candidate.expectedSlaBreaches,
      a.diff.expectedSlaBreaches,
      1,
    ],
    ['expected SQLs', a.current.expectedSqls, a.candidate.expectedSqls, a.diff.expectedSqls, 1],
    ['expected wins', a.current.expectedWins, a.candidate.expectedWins, a.diff.expectedWins, 1],
    [
      'fairness: max |share − weight|',
      a.current.fairness.maxDeviation,
      a.candidate.fairness.maxDeviation,
      a.diff.maxDeviation,
      3,
    ],
  ];
  console.log(
    `${''.padEnd(32)}${`current (v${a.current.version})`.padStart(16)}${candidateName.padStart(20)}${'difference'.padStart(14)}`,
  );
  for (const [label, current, candidate, diff, digits] of rows) {
    console.log(
      `${label.padEnd(32)}${fixed(current, digits).padStart(16)}${fixed(candidate, digits).padStart(20)}${signed(diff, digits).padStart(14)}`,
    );
  }
  if (a.current.expectedSqls === null && a.current.expectedWins === null) {
    console.log('(expected SQLs and wins need an active predictive model: leadloop train --activate)');
  }
  if (a.diff.load.length) {
    console.log('per-rep hand-offs (current → candidate, weight share):');
    for (const change of a.diff.load) {
      const before = a.current.load.find((l) => l.repId === change.repId);
      const after = a.candidate.load.find((l) => l.repId === change.repId);
      console.log(
        `  ${change.repId}: ${before?.handoffs ?? 0} → ${after?.handoffs ?? 0} (${signed(change.handoffs)}), weight ${((after ?? before)?.weightShare ?? 0).toFixed(2)}`,
      );
    }
  }
  console.log(`${a.diff.changed} leads change; a sample:`);
  for (const lead of a.diff.changedLeads) {
    const who = [lead.name, lead.company].filter(Boolean).join(' · ') || lead.leadId;
    console.log(`  ${who}: ${lead.reason}`);
  }
}

export async function runSimulate(config: Config, opts: SimulateOptions): Promise<void> {
  const workspace = await openCliWorkspace(config, opts.as);
  if (!workspace) return;
  try {
    const answer = await simulatePolicy(workspace.ctx, workspace.actor, {
      kind: opts.kind,
      candidate: readCandidate(opts.candidate),
      from: new Date(opts.from),
      to: new Date(opts.to),
    });
    if (opts.json) console.log(JSON.stringify(answer, null, 2));
    else printSimulation(answer);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const fields = error.errors.map((e) => `  ${e.field}: ${e.message}`).join('\n');
    console.error(`leadloop: ${error.message}${fields ? `\n${fields}` : ''}`);
    process.exitCode = 2;
  } finally {
    await workspace.close();
  }
}

export const isSimulationKind = (v: string): v is SimulationKind => (simulationKinds as readonly string[]).includes(v);
