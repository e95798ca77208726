import { describe, expect, it } from 'vitest';
import { defaultDefinitionVersions } from '../definitions/default-definitions.js';
import type { DefinitionBody } from '../definitions/definition-body.js';
import type { DefinitionVersion } from '../definitions/definition-version.js';
import { definitionSegments, definitionsCountedWith } from './definition-segments.js';

const at = (iso: string) => new Date(iso);
const withCompany: DefinitionBody = {
  kind: 'valid_lead',
  criteria: [
    { kind: 'status', notIn: ['disqualified'] },
    { kind: 'field', field: 'company' },
  ],
};

const version = (n: number, effectiveFrom: string, status: 'approved' | 'pending' = 'approved'): DefinitionVersion => ({
  version: n,
  body: withCompany,
  status,
  proposedBy: { id: 'u-mkt', role: 'marketing' },
  proposedAt: at('2026-03-01T00:00:00Z'),
  requestedEffectiveFrom: at(effectiveFrom),
  effectiveFrom: at(effectiveFrom),
  approvals: [],
  approvedAt: status === 'approved' ? at('2026-03-02T00:00:00Z') : null,
});

describe('a definition over time (SPEC §4.2): what each lead is judged by, what a report names', () => {
  const history = [
    ...defaultDefinitionVersions,
    version(2, '2026-04-01T00:00:00Z'),
    version(3, '2026-05-01T00:00:00Z', 'pending'),
  ];

  it('spans from the epoch to each approved version, the last one open', () => {
    const spans = definitionSegments(history, 'valid_lead');
    expect(spans.map((s) => [s.version.version, s.from.toISOString(), s.until?.toISOString() ?? null])).toEqual([
      [1, '1970-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
      [2, '2026-04-01T00:00:00.000Z', null],
    ]);
    expect(definitionSegments(history, 'mql').map((s) => s.version.version)).toEqual([1]);
  });

  it('names every version in force during the period, per kind, in order', () => {
    const march = definitionsCountedWith(
      history,
      ['valid_lead', 'mql'],
      at('2026-03-01T00:00:00Z'),
      at('2026-03-31T23:59:59Z'),
    );
    expect(march.map((d) => [d.kind, d.version])).toEqual([
      ['valid_lead', 1],
      ['mql', 1],
    ]);
    const spring = definitionsCountedWith(
      history,
      ['valid_lead'],
      at('2026-03-01T00:00:00Z'),
      at('2026-06-30T00:00:00Z'),
    );
    expect(spring.map((d) => [d.version, d.effectiveFrom.toISOString()])).toEqual([
      [1, '1970-01-01T00:00:00.000Z'],
      [2, '2026-04-01T00:00:00.000Z'],
    ]);
  });
});
