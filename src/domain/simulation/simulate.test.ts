import { describe, expect, it } from 'vitest';
import { defaultBusinessCalendars } from '../calendar/default-calendars.js';
import { defaultDefinitionBodies } from '../definitions/default-definitions.js';
import type { DefinitionBody } from '../definitions/definition-body.js';
import { allYes } from '../definitions/test-facts.js';
import { defaultRoutingRules } from '../routing/routing-rules.js';
import { rep, policy as routingPolicy } from '../routing/test-reps.js';
import { defaultScoringRules } from '../scoring/default-rules.js';
import { compileScoringRules } from '../scoring/score-lead.js';
import { defaultSlaPolicy, type SlaPolicy } from '../sla/sla-policy.js';
import { replayAcceptance } from './acceptance-replay.js';
import { mqlsOfEitherSide, simulate, spread, withExpectations } from './simulate.js';
import type { RealHandoff, SimulationEnv, SimulationLead, SimulationPolicy } from './simulation-types.js';

const HOUR = 3_600_000;
const start = new Date('2026-03-02T02:00:00Z');

function buildLead(i: number, over: { timing?: string; title?: string | null } = {}): SimulationLead {
  const id = `lead-${String(i).padStart(3, '0')}`;
  const title = over.title === undefined ? null : over.title;
  const scoring = {
    lead: { title, employees: null, industry: null, regionCode: null },
    behaviours: [],
    qualificationLines: [],
  };
  // What the live scoring stored on the lead: the default rules' score.
  const stored = compileScoringRules(defaultScoringRules()).score(scoring, start);
  return {
    id,
    name: `客户${i}`,
    company: `公司${i}`,
    createdAt: new Date(start.getTime() + i * HOUR),
    scoring,
    stored: { total: stored.total, grade: stored.grade },
    facts: {
      status: 'working',
      phone: '+8613900000001',
      email: null,
      answers: { BANT: { ...allYes, timing: over.timing ?? 'yes' } },
    },
    route: { channel: 'sem', channelPath: 'sdr_queue', status: 'working', flags: [], fields: {} },
    routing: { id, regionCode: null, industry: null, title },
    account: null,
  };
}

const currentPolicy = (over: Partial<SimulationPolicy> = {}): SimulationPolicy => ({
  scorer: compileScoringRules(defaultScoringRules()),
  mqlDefinition: defaultDefinitionBodies.mql,
  routingRules: defaultRoutingRules(),
  routingPolicy: routingPolicy(),
  sla: defaultSlaPolicy(),
  ...over,
});

const roster = [rep('rep-a', { weight: 1, capacity: 100 }), rep('rep-b', { weight: 3, capacity: 100 })];

const env = (over: Partial<SimulationEnv> = {}): SimulationEnv => ({
  from: start,
  to: new Date(start.getTime() + 10 * 24 * HOUR),
  now: new Date(start.getTime() + 20 * 24 * HOUR),
  rosterAt: () => roster,
  calendars: defaultBusinessCalendars,
  handoffs: [],
  ...over,
});

const withoutTiming: DefinitionBody = {
  kind: 'mql',
  criteria: defaultDefinitionBodies.mql.criteria.filter((c) => !(c.kind === 'answer' && c.key === 'timing')),
};

describe('policy simulation', () => {
  const leads = Array.from({ length: 40 }, (_, i) => buildLead(i, { timing: i % 2 ? 'unknown' : 'yes' }));

  it('a looser definition (no Timing) turns the leads without a timeline into MQLs, naming the criterion', () => {
    const current = currentPolicy();
    const result = simulate({
      kind: 'definition',
      leads,
      current,
      candidate: { ...current, mqlDefinition: withoutTiming },
      env: env(),
    });
    expect(result.current.mqls).toBe(20);
    expect(result.candidate.mqls).toBe(40);
    expect(result.diff.mqls).toBe(20);
    // The 20 new MQLs, and earlier MQLs whose turn in the rotation moved.
    expect(result.diff.changed).toBeGreaterThan(20);
    expect(result.diff.changedLeads).toHaveLength(20);
    let becameMql = 0;
    for (const c of result.diff.changedLeads) {
      if (c.current.mql !== c.candidate.mql) {
        becameMql++;
        expect(c.candidate.mql).toBe(true);
        expect(c.reason).toContain('becomes an MQL');
        expect(c.reason).toContain('BANT timing is "unknown"');
      } else {
        expect(c.candidate.repId).not.toBe(c.current.repId);
        expect(c.reason).toMatch(/^rep: now 轮转.*; candidate 轮转/);
      }
    }
    expect(becameMql).toBeGreaterThan(0);
  });

  it('shares hand-offs 1:3 by weight from zero counters and reports the fairness', () => {
    const current = currentPolicy();
    const result = simulate({ kind: 'definition', leads, current, candidate: current, env: env() });
    const load = new Map(result.current.load.map((l) => [l.repId, l]));
    expect(load.get('rep-a')?.handoffs).toBe(5);
    expect(load.get('rep-b')?.handoffs).toBe(15);
    expect(load.get('rep-b')?.weightShare).toBe(0.75);
    expect(result.current.fairness.maxDeviation).toBeCloseTo(0, 10);
    expect(result.current.fairness.index).toBeCloseTo(1, 10);
    expect(result.current.handoffsPerDay).toBeCloseTo(2, 10);
    expect(result.diff.changed).toBe(0);
    expect(result.current.expectedSqls).toBeNull();
    expect(result.current.expectedWins).toBeNull();
    expect(result.current.expectedSlaBreaches).toBeNull();
  });

  it('a stricter scoring gate moves MQLs out, with the score lines that explain it', () => {
    const rules = defaultScoringRules();
    const gated: DefinitionBody = { kind: 'mql', criteria: [{ kind: 'minScore', min: 1 }] };
    const seniorLeads = Array.from({ length: 10 }, (_, i) => buildLead(i, { title: i < 4 ? 'CEO' : null }));
    const current = currentPolicy({ mqlDefinition: gated });
    const harsher = compileScoringRules({
      ...rules,
      fit: { ...rules.fit, seniority: { ...rules.fit.seniority, c_level: 0 } },
    });
    const result = simulate({
      kind: 'scoring',
      leads: seniorLeads,
      current,
      candidate: { ...current, scorer: harsher },
      env: env(),
    });
    expect(result.current.mqls).toBe(4);
    expect(result.candidate.mqls).toBe(0);
    expect(result.diff.changed).toBe(4);
    expect(result.diff.changedLeads[0].reason).toMatch(/^score \d+ → 0 \(.*was .*\)/);
    expect(result.diff.changedLeads[0].reason).toContain('no longer an MQL');
    // The same, as codes and values: the score line the candidate lost, and the unmet gate.
    const [score, mql] = result.diff.changedLeads[0].reasonParts;
    expect(score).toMatchObject({ code: 'score', candidate: 0, moreLines: 0 });
    expect(score.code === 'score' && score.lines.every((l) => l.change === 'was' && l.points > 0)).toBe(true);
    expect(mql).toMatchObject({ code: 'mql', becomes: false, failing: 'candidate', unmet: [{ criterion: 'score' }] });
  });

  it('sums the predicted probabilities of each side’s MQLs', () => {
    const current = currentPolicy();
    const simulated = simulate({
      kind: 'definition',
      leads,
      current,
      candidate: { ...current, mqlDefinition: withoutTiming },
      env: env(),
    });
    expect(simulated.current.expectedSqls).toBeNull();
    // 20 MQLs in force, 40 without Timing (the 20 among them): 40 leads to predict, once each.
    expect(simulated.mqlIds.current).toHaveLength(20);
    expect(mqlsOfEitherSide(simulated)).toHaveLength(40);
    expect(mqlsOfEitherSide(simulated)).toEqual(expect.arrayContaining([...simulated.mqlIds.current]));
    const sqls = withExpectations(simulated, {
      target: 'sql',
      probabilities: new Map(leads.map((l) => [l.id, 0.5])),
    });
    expect(sqls.current.expectedSqls).toBe(10);
    expect(sqls.candidate.expectedSqls).toBe(20);
    expect(sqls.diff.expectedSqls).toBe(10);
    expect(sqls.current.expectedWins).toBeNull();
    const wins = withExpectations(simulated, { target: 'won', probabilities: new Map([['lead-000', 0.2]]) });
    expect(wins.current.expectedWins).toBeCloseTo(0.2);
    expect(wins.current.expectedSqls).toBeNull();
    expect(withExpectations(simulated, null)).toBe(simulated);
  });

  it('estimates SLA breaches from each rep’s observed breach rate and the replayed load', () => {
    // rep-a decided its two hand-offs in 50 h (both breaches), rep-b in 1 h.
    const handoffs: RealHandoff[] = [
      handoff('h1', 'lead-000', 'rep-a', 0, 50),
      handoff('h2', 'lead-002', 'rep-a', 2, 50),
      handoff('h3', 'lead-004', 'rep-b', 4, 1),
    ];
    const current = currentPolicy();
    const result = simulate({ kind: 'definition', leads, current, candidate: current, env: env({ handoffs }) });
    expect(result.current.slaBasis).toBe('estimated_from_load');
    // rep-a's 5 replayed hand-offs at rate 1, rep-b's 15 at rate 0.
    expect(result.current.expectedSlaBreaches).toBe(5);
  });
});

function handoff(id: string, leadId: string, repId: string, atHour: number, decidedAfterHours: number | null) {
  const createdAt = new Date(start.getTime() + atHour * HOUR);
  return {
    id,
    leadId,
    repId,
    createdAt,
    decidedAt: decidedAfterHours === null ? null : new Date(createdAt.getTime() + decidedAfterHours * HOUR),
  };
}

describe('acceptance SLA replay', () => {
  const hours = (h: number): SlaPolicy => ({
    ...defaultSlaPolicy(),
    acceptance: { ...defaultSlaPolicy().acceptance, hours: h },
  });
  const handoffs = [
    handoff('h1', 'l1', 'rep-a', 0, 30),
    handoff('h2', 'l2', 'rep-a', 1, 30),
    handoff('h3', 'l3', 'rep-b', 2, 10),
    handoff('h4', 'l4', 'rep-b', 3, null),
  ];
  const now = new Date(start.getTime() + 100 * HOUR);

  it('judges real decision times against each policy’s deadline; an undecided one breaches once overdue', () => {
    const loose = replayAcceptance(handoffs, hours(48), defaultBusinessCalendars, now);
    const strict = replayAcceptance(handoffs, hours(24), defaultBusinessCalendars, now);
    expect(loose.breaches).toBe(1);
    expect(strict.breaches).toBe(3);
    expect(strict.byRep.get('rep-a')).toEqual({ handoffs: 2, breaches: 2 });
    expect(strict.suspensions).toBe(1);
    expect(loose.suspensions).toBe(0);
  });

  it('counts business hours over the calendar when the policy says so', () => {
    const business: SlaPolicy = { ...hours(24), acceptance: { ...hours(24).acceptance, clock: 'business' } };
    const replay = replayAcceptance(handoffs.slice(0, 1), business, defaultBusinessCalendars, now);
    // 24 working hours are three working days: a 30-hour wall-clock decision is on time.
    expect(replay.breaches).toBe(0);
    expect(replay.verdicts[0].deadline.getTime() - handoffs[0].createdAt.getTime()).toBeGreaterThan(48 * HOUR);
  });
});

describe('spread', () => {
  it('keeps the first and the last and spreads the rest', () => {
    expect(spread([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toEqual([1, 5, 9]);
    expect(spread([1, 2], 5)).toEqual([1, 2]);
  });
});
