import { describe, expect, it } from 'vitest';
import { builtInFrameworks } from '../qualification/built-in-frameworks.js';
import { defaultDefinitionBodies, defaultDefinitionVersions } from './default-definitions.js';
import { evaluateDefinition } from './evaluate-definition.js';
import { allYes, buildFacts } from './test-facts.js';
import { validateDefinitionBody } from './validate-definition-body.js';
import { versionInForce } from './version-in-force.js';

const mql = defaultDefinitionBodies.mql;

describe('MQL definition v1 (SPEC §4.2)', () => {
  it('passes a lead with BANT all four "yes" and a phone', () => {
    expect(evaluateDefinition(mql, buildFacts())).toEqual({ passes: true, unmet: [] });
  });

  it('passes with an e-mail instead of a phone', () => {
    expect(evaluateDefinition(mql, buildFacts({ phone: null, email: 'zw@example.cn' })).passes).toBe(true);
  });

  it('fails a lead whose BANT timing is unknown, naming timing', () => {
    const r = evaluateDefinition(mql, buildFacts({ answers: { BANT: { ...allYes, timing: 'unknown' } } }));
    expect(r).toEqual({
      passes: false,
      unmet: [
        {
          criterion: 'BANT.timing',
          detail: 'BANT timing is "unknown", needs "yes"',
          detailZh: 'BANT timing 为“未知”，需要“是”',
        },
      ],
    });
  });

  it('fails a lead with neither phone nor e-mail', () => {
    const r = evaluateDefinition(mql, buildFacts({ phone: null, email: '  ' }));
    expect(r.unmet).toEqual([
      { criterion: 'contact', detail: 'needs a phone or an e-mail', detailZh: '需要电话或邮箱' },
    ]);
  });

  it('lists every unmet criterion at once, in the order of the definition', () => {
    const r = evaluateDefinition(mql, buildFacts({ answers: { BANT: { budget: 'no' } }, phone: null }));
    expect(r.unmet.map((u) => u.criterion)).toEqual([
      'BANT.budget',
      'BANT.authority',
      'BANT.need',
      'BANT.timing',
      'contact',
    ]);
    expect(r.unmet[1].detail).toBe('BANT authority is not answered, needs "yes"');
  });

  it('does not count CHAMP answers towards the BANT gate', () => {
    const r = evaluateDefinition(
      mql,
      buildFacts({ answers: { CHAMP: { challenge: 'yes', authority: 'yes', money: 'yes', priority: 'yes' } } }),
    );
    expect(r.passes).toBe(false);
    expect(r.unmet).toHaveLength(4);
  });

  it('does not ask for a minimum score', () => {
    expect(evaluateDefinition(mql, buildFacts({ score: null })).passes).toBe(true);
  });
});

describe('valid-lead definition v1 (SPEC §8.1)', () => {
  it('counts every lead that has not been disqualified', () => {
    for (const status of ['new', 'working', 'nurturing', 'mql', 'won', 'lost']) {
      expect(evaluateDefinition(defaultDefinitionBodies.valid_lead, buildFacts({ status, answers: {} })).passes).toBe(
        true,
      );
    }
    expect(
      evaluateDefinition(defaultDefinitionBodies.valid_lead, buildFacts({ status: 'disqualified' })).unmet,
    ).toEqual([
      {
        criterion: 'status',
        detail: 'status is "disqualified", must not be "disqualified"',
        detailZh: '状态为“disqualified”，不能是“disqualified”',
      },
    ]);
  });
});

describe('SQL and opportunity definitions v1', () => {
  it('SQL: accepted by sales', () => {
    expect(evaluateDefinition(defaultDefinitionBodies.sql, buildFacts()).unmet.map((u) => u.detail)).toEqual([
      'not accepted by sales',
    ]);
    expect(
      evaluateDefinition(defaultDefinitionBodies.sql, buildFacts({ milestones: { accepted_by_sales: true } })).passes,
    ).toBe(true);
  });

  it('opportunity: an opportunity registered', () => {
    const body = defaultDefinitionBodies.opportunity;
    expect(evaluateDefinition(body, buildFacts({ milestones: { accepted_by_sales: true } })).passes).toBe(false);
    expect(evaluateDefinition(body, buildFacts({ milestones: { opportunity_registered: true } })).passes).toBe(true);
  });
});

describe('default versions', () => {
  it('are version 1 of each kind, approved and in force from the beginning', () => {
    for (const kind of ['valid_lead', 'mql', 'sql', 'opportunity'] as const) {
      const v = versionInForce(defaultDefinitionVersions, kind, new Date('2020-01-01T00:00:00Z'));
      expect(v?.version, kind).toBe(1);
      expect(v?.status).toBe('approved');
      expect(v?.body).toBe(defaultDefinitionBodies[kind]);
    }
  });

  it('are valid definitions against the built-in frameworks', () => {
    for (const body of Object.values(defaultDefinitionBodies)) {
      expect(validateDefinitionBody(body, builtInFrameworks)).toEqual({ ok: true, body });
    }
  });
});
