/**
 * The two sides of a simulation (SPEC §8.6): the policy in force now, and the same policy with
 * the candidate of the simulated kind in its place. The candidate is a stored version of that
 * kind (by id: a pending or scheduled definition version, an earlier settings version) or a
 * body exactly as the settings API takes it, checked by the same validators (400 naming the
 * field under `candidate`).
 */
import type { DefinitionBody } from '../../domain/definitions/definition-body.js';
import { validateDefinitionBody } from '../../domain/definitions/validate-definition-body.js';
import { versionInForce } from '../../domain/definitions/version-in-force.js';
import { type FieldError, InvalidInput, NotFound } from '../../domain/errors.js';
import type { RoutingRule } from '../../domain/routing/routing-rules.js';
import type { RoutingPolicy } from '../../domain/routing/routing-types.js';
import { validateRoutingRules } from '../../domain/routing/validate-routing-rules.js';
import { compileScoringRules } from '../../domain/scoring/score-lead.js';
import type { ScoringRules } from '../../domain/scoring/scoring-rules.js';
import { validateScoringRules } from '../../domain/scoring/validate-rules.js';
import type { SimulationKind, SimulationPolicy } from '../../domain/simulation/simulation-types.js';
import type { SlaPolicy } from '../../domain/sla/sla-policy.js';
import type { DB } from '../../store/db.js';
import { findPolicyVersion } from '../../store/repositories/simulation.js';
import { loadDefinitionHistory } from '../definitions/stored-version.js';
import { listFrameworks } from '../frameworks.js';
import { routingSettingsInForce } from '../routing/routing-settings.js';
import { scoringRulesInForce } from '../scoring/rules-in-force.js';
import { slaSettingsInForce } from '../sla/sla-settings.js';

/** A body of the simulated kind as its settings API takes it; routing and SLA policies arrive checked by HTTP. */
export type InlineCandidate = Record<string, unknown>;

export interface SimulationSides {
  current: SimulationPolicy;
  candidate: SimulationPolicy;
  currentVersion: number;
  /** The stored version simulated, or nulls for an inline body. */
  candidateVersion: { id: string | null; version: number | null };
}

const storedKind: Record<SimulationKind, string> = {
  scoring: 'scoring',
  definition: 'definition:mql',
  routing: 'routing',
  sla: 'sla',
};

const kindLabel: Record<SimulationKind, string> = {
  scoring: 'scoring rules',
  definition: 'MQL definition',
  routing: 'routing settings',
  sla: 'SLA policy',
};

export async function simulationSides(
  db: DB,
  kind: SimulationKind,
  candidate: string | InlineCandidate,
  now: Date,
): Promise<SimulationSides> {
  const scoring = await scoringRulesInForce(db);
  const routing = await routingSettingsInForce(db);
  const sla = await slaSettingsInForce(db);
  const mql = versionInForce(
    (await loadDefinitionHistory(db, 'mql')).map((v) => v.domain),
    'mql',
    now,
  );
  if (!mql) throw new Error('no MQL definition is in force');
  const current: SimulationPolicy = {
    scorer: scoring.scorer,
    mqlDefinition: mql.body,
    routingRules: routing.rules,
    routingPolicy: routing.policy,
    sla: sla.policy,
  };
  const currentVersion = {
    scoring: scoring.version,
    definition: mql.version,
    routing: routing.version,
    sla: sla.version,
  }[kind];

  let body: unknown = candidate;
  let candidateVersion: SimulationSides['candidateVersion'] = { id: null, version: null };
  if (typeof candidate === 'string') {
    const stored = await findPolicyVersion(db, candidate);
    if (!stored || stored.kind !== storedKind[kind]) {
      throw new NotFound(`candidate "${candidate}" (a stored version of the ${kindLabel[kind]})`);
    }
    body = storedBody(kind, stored.body);
    candidateVersion = { id: stored.id, version: stored.version };
  }
  const changed = await candidatePart(db, kind, body as InlineCandidate);
  return { current, candidate: { ...current, ...changed }, currentVersion, candidateVersion };
}

/** A stored body in the shape the settings API takes (definitions store {kind, criteria}, scoring the bare rules). */
function storedBody(kind: SimulationKind, body: unknown): InlineCandidate {
  if (kind === 'scoring') return { rules: body };
  if (kind === 'definition') return { criteria: (body as DefinitionBody).criteria };
  return body as InlineCandidate;
}

const under = (errors: readonly FieldError[], prefix: string): FieldError[] =>
  errors.map((e) => ({ ...e, field: e.field ? `${prefix}.${e.field}` : prefix }));

async function candidatePart(db: DB, kind: SimulationKind, body: InlineCandidate): Promise<Partial<SimulationPolicy>> {
  switch (kind) {
    case 'definition': {
      const checked = validateDefinitionBody({ kind: 'mql', criteria: body.criteria }, await listFrameworks(db));
      if (!checked.ok) throw new InvalidInput(under(checked.errors, 'candidate'));
      return { mqlDefinition: checked.body };
    }
    case 'scoring': {
      const checked = validateScoringRules(body.rules);
      if (!checked.ok) throw new InvalidInput(under(checked.errors, 'candidate.rules'));
      return { scorer: compileScoringRules(checked.rules as ScoringRules) };
    }
    case 'routing': {
      const checked = validateRoutingRules(body.rules);
      if (!checked.ok) throw new InvalidInput(under(checked.errors, 'candidate'));
      return { routingRules: checked.rules as RoutingRule[], routingPolicy: body.policy as RoutingPolicy };
    }
    case 'sla':
      return { sla: body.policy as SlaPolicy };
  }
}
