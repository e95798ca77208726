import { describe, expect, it } from 'vitest';
import { defaultDefinitionBodies } from './default-definitions.js';
import type { DefinitionBody, DefinitionCriterion } from './definition-body.js';
import { evaluateDefinition } from './evaluate-definition.js';
import { allYes, buildFacts } from './test-facts.js';

const mql = (criteria: DefinitionCriterion[]): DefinitionBody => ({ kind: 'mql', criteria });
const v1 = defaultDefinitionBodies.mql.criteria;

describe('MQL variants (seed 002: add a field to tighten, drop one to loosen)', () => {
  const timingUnknown = buildFacts({ answers: { BANT: { ...allYes, timing: 'unknown' } } });

  it('looser, without Timing: passes a lead whose timing is unknown', () => {
    const looser = mql(v1.filter((c) => !(c.kind === 'answer' && c.key === 'timing')));
    expect(evaluateDefinition(defaultDefinitionBodies.mql, timingUnknown).passes).toBe(false);
    expect(evaluateDefinition(looser, timingUnknown).passes).toBe(true);
  });

  it('stricter, + agreed to meet sales: fails until the lead agrees, naming the custom criterion', () => {
    const stricter = mql([...v1, { kind: 'answer', framework: 'MEET', key: 'agreedToMeet', oneOf: ['yes'] }]);
    expect(evaluateDefinition(stricter, buildFacts()).unmet).toEqual([
      {
        criterion: 'MEET.agreedToMeet',
        detail: 'MEET agreedToMeet is not answered, needs "yes"',
        detailZh: 'MEET agreedToMeet 未填写，需要“是”',
      },
    ]);
    const agreed = buildFacts({ answers: { BANT: allYes, MEET: { agreedToMeet: 'yes' } } });
    expect(evaluateDefinition(stricter, agreed).passes).toBe(true);
  });
});

describe('criteria', () => {
  it('answer with several accepted values lists them all', () => {
    const body = mql([{ kind: 'answer', framework: 'MEET', key: 'stage', oneOf: ['approved', 'researching'] }]);
    const r = evaluateDefinition(body, buildFacts({ answers: { MEET: { stage: 'none' } } }));
    expect(r.unmet[0].detail).toBe('MEET stage is "none", needs "approved" or "researching"');
    expect(r.unmet[0].detailZh).toBe('MEET stage 为“none”，需要“approved”或“researching”');
  });

  it('answer within number bounds', () => {
    const body = mql([{ kind: 'answer', framework: 'MEET', key: 'budgetAmount', min: 10 }]);
    expect(evaluateDefinition(body, buildFacts({ answers: { MEET: { budgetAmount: 10 } } })).passes).toBe(true);
    expect(evaluateDefinition(body, buildFacts({ answers: { MEET: { budgetAmount: 9.5 } } })).unmet[0].detail).toBe(
      'MEET budgetAmount is 9.5, needs at least 10',
    );
    const between = mql([{ kind: 'answer', framework: 'MEET', key: 'budgetAmount', min: 10, max: 100 }]);
    expect(evaluateDefinition(between, buildFacts()).unmet[0].detail).toBe(
      'MEET budgetAmount is not answered, needs 10 to 100',
    );
  });

  it('answer without accepted values needs any answer but "unknown"', () => {
    const body = mql([{ kind: 'answer', framework: 'BANT', key: 'need' }]);
    expect(evaluateDefinition(body, buildFacts({ answers: { BANT: { need: 'no' } } })).passes).toBe(true);
    expect(evaluateDefinition(body, buildFacts({ answers: { BANT: { need: 'unknown' } } })).unmet[0].detail).toBe(
      'BANT need is "unknown", needs an answer',
    );
  });

  it('minimum score, including a lead not scored yet', () => {
    const body = mql([{ kind: 'minScore', min: 60 }]);
    expect(evaluateDefinition(body, buildFacts({ score: 60 })).passes).toBe(true);
    expect(evaluateDefinition(body, buildFacts({ score: 59 })).unmet[0]).toEqual({
      criterion: 'score',
      detail: 'score is 59, needs at least 60',
      detailZh: '评分为59，需要至少60分',
    });
    expect(evaluateDefinition(body, buildFacts({ score: null })).unmet[0].detail).toBe(
      'score is not computed yet, needs at least 60',
    );
  });

  it('contact: phone only, e-mail only', () => {
    const phone = mql([{ kind: 'contact', require: 'phone' }]);
    const email = mql([{ kind: 'contact', require: 'email' }]);
    const emailOnly = buildFacts({ phone: null, email: 'a@b.cn' });
    expect(evaluateDefinition(phone, emailOnly).unmet[0].detail).toBe('needs a phone');
    expect(evaluateDefinition(email, emailOnly).passes).toBe(true);
    expect(evaluateDefinition(email, buildFacts()).unmet[0].detail).toBe('needs an e-mail');
  });

  it('field present: built-in fields and custom attributes', () => {
    const body = mql([
      { kind: 'field', field: 'company' },
      { kind: 'field', field: 'fields.项目立项' },
    ]);
    expect(evaluateDefinition(body, buildFacts({ profile: { company: ' ' }, fields: { 项目立项: '' } })).unmet).toEqual(
      [
        { criterion: 'field.company', detail: 'company is not filled in', detailZh: 'company 未填写' },
        {
          criterion: 'field.fields.项目立项',
          detail: 'fields.项目立项 is not filled in',
          detailZh: 'fields.项目立项 未填写',
        },
      ],
    );
    const filled = buildFacts({ profile: { company: '云帆科技' }, fields: { 项目立项: '是' } });
    expect(evaluateDefinition(body, filled).passes).toBe(true);
    expect(
      evaluateDefinition(mql([{ kind: 'field', field: 'employees' }]), buildFacts({ profile: { employees: 0 } }))
        .passes,
    ).toBe(true);
  });
});
