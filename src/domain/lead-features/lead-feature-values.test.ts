import { describe, expect, it } from 'vitest';
import { fillAbsentCounts, leadFeatureValues } from './lead-feature-values.js';
import { testSource } from './test-source.js';

describe('leadFeatureValues', () => {
  it('gives source, province, industry, size, seniority, touches and custom fields by stable names', () => {
    const values = leadFeatureValues(
      testSource({
        behaviours: [{ type: 'demo_request', count: 2, last: new Date('2026-03-29T00:00:00Z') }],
        activities: [{ type: 'call', count: 3, durationSec: 600 }],
        answers: [{ framework: 'bant', answers: { budget: 'yes', timeline: 3 } }],
        fields: { 访问次数: 7, 签约日期: '2026-03-11', outcome: 'won', 行业细分: ' 汽车零部件 ' },
      }),
    );
    expect(values).toEqual({
      channel: 'sem',
      'utm.source': 'baidu',
      'utm.medium': 'cpc',
      'utm.campaign': null,
      region: '浙江省',
      industry: '制造业',
      employees: 120,
      seniority: 'director',
      'behaviour.demo_request.count': 2,
      'behaviour.demo_request.daysSince': 3,
      'activity.call.count': 3,
      'answer.bant.budget': 'yes',
      'answer.bant.timeline': 3,
      'field.访问次数': 7,
      'field.签约日期': 10, // a date is days after capture; the outcome is the label, never a feature
      'field.行业细分': '汽车零部件',
    });
  });

  it('leaves touches unknown on history leads and fills absent counts with zero on live ones', () => {
    const history = testSource({ history: true, behaviours: [{ type: 'chat', count: 1, last: new Date() }] });
    const values = leadFeatureValues(history);
    expect(values['behaviour.chat.count']).toBeUndefined();
    fillAbsentCounts(values, ['behaviour.chat.count'], true);
    expect(values['behaviour.chat.count']).toBeUndefined();
    const live = leadFeatureValues(testSource());
    fillAbsentCounts(live, ['behaviour.chat.count'], false);
    expect(live['behaviour.chat.count']).toBe(0);
  });
});
