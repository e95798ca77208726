import { describe, expect, it } from 'vitest';
import { evaluateRouteCondition, routeLead } from './route-lead.js';
import type { RouteFacts, RoutingRule } from './routing-rules.js';

const facts = (over: Partial<RouteFacts> = {}): RouteFacts => ({
  channel: 'sem',
  channelPath: 'sdr_queue',
  status: 'new',
  score: 30,
  grade: 'B2',
  flags: [],
  fields: {},
  ...over,
});

describe('routeLead', () => {
  const rules: RoutingRule[] = [
    {
      id: 'junk',
      description: '疑似垃圾',
      condition: { field: 'flags', op: 'prefix', value: 'JUNK:' },
      path: 'disqualified',
    },
    {
      id: 'ka',
      description: '大客户直达',
      condition: {
        all: [
          { field: 'fields.客户等级', op: 'eq', value: 'KA' },
          { field: 'grade', op: 'in', value: ['A1', 'A2'] },
        ],
      },
      path: 'direct_to_sales',
    },
    {
      id: 'paid',
      description: '付费渠道',
      condition: { field: 'channel', op: 'in', value: ['sem', 'brand_zone'] },
      path: 'sdr_queue',
    },
  ];

  it('takes the first rule that holds and says which', () => {
    expect(routeLead(rules, facts({ flags: ['MRL', 'JUNK:fake_phone'] }))).toEqual({
      path: 'disqualified',
      ruleIndex: 0,
      ruleId: 'junk',
      reason: '规则 #0 junk: 疑似垃圾 → 无效 (disqualified)',
    });
    expect(routeLead(rules, facts({ grade: 'A1', fields: { 客户等级: 'KA' } })).ruleId).toBe('ka');
    expect(routeLead(rules, facts()).ruleId).toBe('paid');
  });

  it('falls back to the SDR queue when nothing matches', () => {
    expect(routeLead(rules, facts({ channel: 'hotline' }))).toMatchObject({
      path: 'sdr_queue',
      ruleIndex: null,
      ruleId: null,
    });
    expect(routeLead([], facts()).path).toBe('sdr_queue');
  });

  it('treats a null condition as a catch-all', () => {
    expect(routeLead([{ id: 'all', description: 'x', condition: null, path: 'pool' }], facts()).path).toBe('pool');
  });
});

describe('evaluateRouteCondition (three-valued)', () => {
  it('compares numbers, text (folded) and lists', () => {
    expect(evaluateRouteCondition({ field: 'score', op: 'lt', value: 31 }, facts())).toBe(true);
    expect(evaluateRouteCondition({ field: 'score', op: 'gte', value: 31 }, facts())).toBe(false);
    expect(evaluateRouteCondition({ field: 'channel', op: 'eq', value: ' SEM ' }, facts())).toBe(true);
    expect(evaluateRouteCondition({ field: 'channel', op: 'contains', value: 'se' }, facts())).toBe(true);
    expect(
      evaluateRouteCondition({ field: 'flags', op: 'prefix', value: 'ICP:' }, facts({ flags: ['ICP:employees<20'] })),
    ).toBe(true);
    expect(evaluateRouteCondition({ field: 'flags', op: 'nin', value: ['MRL'] }, facts({ flags: ['MRL'] }))).toBe(
      false,
    );
    expect(evaluateRouteCondition({ field: 'flags', op: 'prefix', value: 'JUNK:' }, facts())).toBe(false);
  });

  it('never matches on an unknown value, and not(unknown) stays unknown', () => {
    expect(evaluateRouteCondition({ field: 'score', op: 'lt', value: 10 }, facts({ score: null }))).toBeUndefined();
    expect(
      evaluateRouteCondition({ not: { field: 'score', op: 'lt', value: 10 } }, facts({ score: null })),
    ).toBeUndefined();
    expect(evaluateRouteCondition({ field: 'fields.预算', op: 'gte', value: 10 }, facts())).toBeUndefined();
    expect(
      evaluateRouteCondition(
        {
          any: [
            { field: 'score', op: 'lt', value: 10 },
            { field: 'channel', op: 'eq', value: 'sem' },
          ],
        },
        facts({ score: null }),
      ),
    ).toBe(true);
    expect(
      evaluateRouteCondition(
        {
          all: [
            { field: 'score', op: 'lt', value: 10 },
            { field: 'channel', op: 'eq', value: 'hotline' },
          ],
        },
        facts({ score: null }),
      ),
    ).toBe(false);
  });

  it('reads numeric custom attributes given as text', () => {
    expect(
      evaluateRouteCondition({ field: 'fields.预算', op: 'gte', value: 100 }, facts({ fields: { 预算: '1,200' } })),
    ).toBe(true);
  });
});
