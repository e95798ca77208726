/** A lead as the model sees it, for tests: a live lead captured on 1 March 2026 with nothing else. */
import type { LeadFeatureSource } from './lead-feature-source.js';

export function testSource(overrides: Partial<LeadFeatureSource> = {}): LeadFeatureSource {
  return {
    id: 'lead-1',
    createdAt: new Date('2026-03-01T00:00:00Z'),
    history: false,
    status: 'working',
    outcome: null,
    channel: 'sem',
    utm: { source: 'baidu', medium: 'cpc', campaign: null },
    regionCode: '3301',
    industry: '制造业',
    employees: 120,
    title: '销售总监',
    fields: {},
    reachedAt: null,
    cutoff: new Date('2026-04-01T00:00:00Z'),
    behaviours: [],
    activities: [],
    answers: [],
    ...overrides,
  };
}
