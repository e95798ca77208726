import { describe, expect, it } from 'vitest';
import type { Role } from '../roles.js';
import { approveVersion } from './approve-version.js';
import { defaultDefinitionBodies, defaultDefinitionVersions } from './default-definitions.js';
import type { DefinitionBody } from './definition-body.js';
import type { DefinitionVersion } from './definition-version.js';
import { proposeVersion } from './propose-version.js';
import { versionInForce, versionsInForceDuring } from './version-in-force.js';

const at = (iso: string) => new Date(iso);
const marketer = { id: 'u-mkt', role: 'marketing' as Role };
const sales = { id: 'u-sm', role: 'sales_manager' as Role };
const looser: DefinitionBody = { kind: 'mql', criteria: defaultDefinitionBodies.mql.criteria.slice(0, 3) };

/** Proposes at `proposedAt` for `effectiveFrom` and has both sides approve at `approvedAt`. */
function agreed(
  history: readonly DefinitionVersion[],
  body: DefinitionBody,
  proposedAt: string,
  effectiveFrom: string,
  approvedAt: string,
): DefinitionVersion {
  const v = proposeVersion(history, body, marketer, at(effectiveFrom), at(proposedAt));
  return approveVersion(approveVersion(v, marketer, at(proposedAt)), sales, at(approvedAt));
}

describe('definition version in force (SPEC §4.2: takes effect from a date, never changes history)', () => {
  const v2 = agreed(
    defaultDefinitionVersions,
    looser,
    '2026-06-01T00:00:00Z',
    '2026-07-01T00:00:00Z',
    '2026-06-05T00:00:00Z',
  );
  const history = [...defaultDefinitionVersions, v2];

  it('is version 1 before the new version takes effect and version 2 from that moment', () => {
    expect(versionInForce(history, 'mql', at('2026-06-30T23:59:59.999Z'))?.version).toBe(1);
    expect(versionInForce(history, 'mql', at('2026-07-01T00:00:00Z'))?.version).toBe(2);
    expect(versionInForce(history, 'mql', at('2027-01-01T00:00:00Z'))?.body).toBe(looser);
  });

  it('does not count a pending version', () => {
    const pending = proposeVersion(
      history,
      defaultDefinitionBodies.mql,
      marketer,
      at('2026-08-01T00:00:00Z'),
      at('2026-07-15T00:00:00Z'),
    );
    expect(versionInForce([...history, pending], 'mql', at('2026-09-01T00:00:00Z'))?.version).toBe(2);
  });

  it('resolves each kind on its own', () => {
    expect(versionInForce(history, 'sql', at('2026-08-01T00:00:00Z'))?.body.kind).toBe('sql');
    expect(versionInForce([], 'mql', at('2026-08-01T00:00:00Z'))).toBeUndefined();
  });

  it('never changes what an earlier moment resolves to when a later version is approved', () => {
    // The proposer asked for "from June 1"; approval came on June 10, so June 1-9 stay on v1.
    const late = agreed(
      defaultDefinitionVersions,
      looser,
      '2026-06-01T00:00:00Z',
      '2026-06-01T00:00:00Z',
      '2026-06-10T00:00:00Z',
    );
    const moments = ['2026-06-01T00:00:00Z', '2026-06-09T23:59:59Z'].map(at);
    const before = moments.map((m) => versionInForce(defaultDefinitionVersions, 'mql', m)?.version);
    const after = moments.map((m) => versionInForce([...defaultDefinitionVersions, late], 'mql', m)?.version);
    expect(after).toEqual(before);
    expect(versionInForce([...defaultDefinitionVersions, late], 'mql', at('2026-06-10T00:00:00Z'))?.version).toBe(2);
  });

  it('lets the later-approved version win when two take effect at the same moment', () => {
    const a = agreed(
      defaultDefinitionVersions,
      looser,
      '2026-06-01T00:00:00Z',
      '2026-07-01T00:00:00Z',
      '2026-06-03T00:00:00Z',
    );
    const b = agreed(
      [...defaultDefinitionVersions, a],
      defaultDefinitionBodies.mql,
      '2026-06-02T00:00:00Z',
      '2026-07-01T00:00:00Z',
      '2026-06-04T00:00:00Z',
    );
    expect(versionInForce([...defaultDefinitionVersions, b, a], 'mql', at('2026-07-02T00:00:00Z'))?.version).toBe(
      b.version,
    );
  });

  it('lists every version a report period counted with, oldest first', () => {
    const v3 = agreed(
      history,
      defaultDefinitionBodies.mql,
      '2026-07-10T00:00:00Z',
      '2026-08-01T00:00:00Z',
      '2026-07-11T00:00:00Z',
    );
    const all = [...history, v3];
    const versions = (from: string, to: string) =>
      versionsInForceDuring(all, 'mql', at(from), at(to)).map((v) => v.version);
    expect(versions('2026-06-01T00:00:00Z', '2026-06-30T00:00:00Z')).toEqual([1]);
    expect(versions('2026-06-01T00:00:00Z', '2026-07-15T00:00:00Z')).toEqual([1, 2]);
    expect(versions('2026-06-01T00:00:00Z', '2026-09-01T00:00:00Z')).toEqual([1, 2, 3]);
    expect(versions('2026-07-01T00:00:00Z', '2026-07-01T00:00:00Z')).toEqual([2]);
  });
});
