import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../errors.js';
import { defaultDefinitionBodies, defaultDefinitionVersions } from './default-definitions.js';
import { proposeVersion } from './propose-version.js';

const now = new Date('2026-06-01T08:00:00Z');
const marketer = { id: 'u-mkt', role: 'marketing' } as const;
const looser = { kind: 'mql' as const, criteria: defaultDefinitionBodies.mql.criteria.slice(0, 3) };

describe('proposing a definition version', () => {
  it('creates the next version of that kind, pending and without approvals', () => {
    const v = proposeVersion(
      defaultDefinitionVersions,
      looser,
      marketer,
      new Date('2026-07-01T00:00:00Z'),
      now,
      ' Q3 ',
    );
    expect(v).toEqual({
      version: 2,
      body: looser,
      status: 'pending',
      proposedBy: marketer,
      proposedAt: now,
      requestedEffectiveFrom: new Date('2026-07-01T00:00:00Z'),
      effectiveFrom: new Date('2026-07-01T00:00:00Z'),
      approvals: [],
      approvedAt: null,
      note: 'Q3',
    });
  });

  it('numbers versions per kind, counting pending proposals too', () => {
    const v2 = proposeVersion(defaultDefinitionVersions, looser, marketer, now, now);
    const v3 = proposeVersion([...defaultDefinitionVersions, v2], looser, marketer, now, now);
    expect(v3.version).toBe(3);
    const sql = proposeVersion([...defaultDefinitionVersions, v2, v3], defaultDefinitionBodies.sql, marketer, now, now);
    expect(sql.version).toBe(2);
    expect(proposeVersion([], looser, marketer, now, now).version).toBe(1);
  });

  it('refuses an effective date in the past: history is never rewritten', () => {
    const past = new Date(now.getTime() - 1);
    expect(() => proposeVersion(defaultDefinitionVersions, looser, marketer, past, now)).toThrow(InvalidInput);
    try {
      proposeVersion(defaultDefinitionVersions, looser, marketer, past, now);
    } catch (e) {
      expect((e as InvalidInput).errors[0].field).toBe('effectiveFrom');
    }
  });
});
