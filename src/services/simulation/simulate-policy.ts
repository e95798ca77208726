/**
 * POST /simulations (SPEC §8.6): before a scoring, MQL-definition, routing or SLA version takes
 * effect, replay a period's real leads through it next to the version in force. Read-only: it
 * loads, replays in memory through the pure domain functions (domain/simulation), and answers;
 * it writes no row, no audit entry, no timer and no notification.
 */
import { InvalidInput } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { mqlsOfEitherSide, simulate, withExpectations } from '../../domain/simulation/simulate.js';
import type {
  Expectation,
  SideSummary,
  SimulationDiff,
  SimulationKind,
  SimulationResult,
} from '../../domain/simulation/simulation-types.js';
import type { ServiceContext } from '../context.js';
import { predictProbabilities } from '../predictive/predict-leads.js';
import { businessCalendarsInForce } from '../sla/business-calendars.js';
import { loadPeriod } from './load-period.js';
import { type InlineCandidate, simulationSides } from './simulation-policies.js';

export interface SimulationRequest {
  kind: SimulationKind;
  candidate: string | InlineCandidate;
  from: Date;
  to: Date;
}

export interface SimulationAnswer {
  kind: SimulationKind;
  from: Date;
  to: Date;
  current: SideSummary & { version: number };
  candidate: SideSummary & { versionId: string | null; version: number | null };
  diff: SimulationDiff;
}

/**
 * Expected SQLs or wins come from the active predictive model (§4.3): the probability of each
 * side's MQLs, summed — SQLs from a model of `sql`, wins from one of `won`; null while no model
 * (or one of another target) is active.
 */
export async function simulatePolicy(
  ctx: ServiceContext,
  actor: Actor,
  request: SimulationRequest,
): Promise<SimulationAnswer> {
  authorize(actor, 'simulations.run');
  const { from, to } = request;
  if (to.getTime() <= from.getTime()) {
    throw new InvalidInput([{ field: 'to', message: 'must be after from', messageZh: '须晚于开始时间（from）' }]);
  }
  const now = ctx.clock.now();
  const sides = await simulationSides(ctx.db, request.kind, request.candidate, now);
  const period = await loadPeriod(ctx.db, { from, to }, { scoring: request.kind === 'scoring' });
  if (period.leads.length === 0) {
    throw new InvalidInput([
      {
        field: 'from',
        message: `no live leads were captured from ${from.toISOString()} to ${to.toISOString()}`,
        messageZh: `${from.toISOString()} 至 ${to.toISOString()} 期间没有采集到在用线索`,
      },
    ]);
  }
  const simulated = simulate({
    kind: request.kind,
    leads: period.leads,
    current: sides.current,
    candidate: sides.candidate,
    env: {
      from,
      to,
      now,
      rosterAt: period.rosterAt,
      calendars: await businessCalendarsInForce(ctx.db),
      handoffs: period.handoffs,
    },
  });
  const result = withExpectations(simulated, await expectation(ctx, simulated, to));
  return {
    kind: request.kind,
    from,
    to,
    current: { ...result.current, version: sides.currentVersion },
    candidate: { ...result.candidate, versionId: sides.candidateVersion.id, version: sides.candidateVersion.version },
    diff: result.diff,
  };
}

/**
 * The active model's probabilities of the MQLs of either side, from their features as they stood
 * at the end of the period (or when they reached the model's target, if earlier), as it learned.
 */
async function expectation(ctx: ServiceContext, simulated: SimulationResult, to: Date): Promise<Expectation | null> {
  const now = ctx.clock.now();
  const asOf = to.getTime() < now.getTime() ? to : now;
  const predictions = await predictProbabilities(ctx, mqlsOfEitherSide(simulated), { asOf, targets: ['sql', 'won'] });
  if (!predictions) return null;
  return { target: predictions.target as Expectation['target'], probabilities: predictions.probabilities };
}
