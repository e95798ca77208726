import { describe, expect, it } from 'vitest';
import type { Role } from '../roles.js';
import { ApprovalRefused, approveVersion } from './approve-version.js';
import { defaultDefinitionBodies, defaultDefinitionVersions } from './default-definitions.js';
import type { DefinitionVersion } from './definition-version.js';
import { proposeVersion } from './propose-version.js';

const proposedAt = new Date('2026-06-01T08:00:00Z');
const july = new Date('2026-07-01T00:00:00Z');
const person = (id: string, role: Role) => ({ id, role });
const marketer = person('u-mkt', 'marketing');
const salesManager = person('u-sm', 'sales_manager');
const salesOps = person('u-ops', 'sales_ops');
const at = (iso: string) => new Date(iso);

const propose = (by = marketer, effectiveFrom = july): DefinitionVersion =>
  proposeVersion(defaultDefinitionVersions, defaultDefinitionBodies.mql, by, effectiveFrom, proposedAt);

function refusal(fn: () => unknown): ApprovalRefused {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApprovalRefused) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('approving a definition version (SPEC §4.2: one marketing and one sales approver)', () => {
  it('stays pending with one side, and is approved once both sides agree', () => {
    const once = approveVersion(propose(), marketer, at('2026-06-02T00:00:00Z'));
    expect(once.status).toBe('pending');
    expect(once.approvals).toEqual([
      { side: 'marketing', approverId: 'u-mkt', role: 'marketing', at: at('2026-06-02T00:00:00Z') },
    ]);
    const twice = approveVersion(once, salesManager, at('2026-06-03T00:00:00Z'));
    expect(twice.status).toBe('approved');
    expect(twice.approvedAt).toEqual(at('2026-06-03T00:00:00Z'));
    expect(twice.effectiveFrom).toEqual(july);
    expect(twice.approvals.map((a) => a.side)).toEqual(['marketing', 'sales']);
  });

  it('accepts sales_ops for the sales side, in either order', () => {
    const once = approveVersion(propose(salesOps), salesOps, at('2026-06-02T00:00:00Z'));
    expect(approveVersion(once, marketer, at('2026-06-02T01:00:00Z')).status).toBe('approved');
  });

  it('lets the proposer approve for their own side, but proposing alone is no approval', () => {
    const v = propose(marketer);
    expect(v.approvals).toEqual([]);
    expect(approveVersion(v, marketer, proposedAt).approvals[0].approverId).toBe(marketer.id);
  });

  it('refuses a role that speaks for neither side, with a reason', () => {
    for (const role of ['admin', 'sdr', 'sdr_lead', 'sales', 'sales_assistant'] as const) {
      const e = refusal(() => approveVersion(propose(), person('u-x', role), proposedAt));
      expect(e.reason, role).toBe('wrong_role');
      expect(e.code).toBe('forbidden');
      expect(e.message).toMatch(new RegExp(`role ${role} may not approve`));
    }
  });

  it('refuses the same person twice, even after a change of role', () => {
    const once = approveVersion(propose(), marketer, proposedAt);
    const e = refusal(() => approveVersion(once, marketer, proposedAt));
    expect([e.reason, e.code]).toEqual(['same_person', 'forbidden']);
    const e2 = refusal(() => approveVersion(once, person('u-mkt', 'sales_ops'), proposedAt));
    expect(e2.reason).toBe('same_person');
  });

  it('refuses a second approver for a side already approved, saying who is still needed', () => {
    const once = approveVersion(propose(), salesManager, proposedAt);
    const e = refusal(() => approveVersion(once, salesOps, proposedAt));
    expect([e.reason, e.code]).toEqual(['side_already_approved', 'conflict']);
    expect(e.message).toMatch(/needs a marketing approver/);
  });

  it('refuses approving a version already approved', () => {
    const done = approveVersion(approveVersion(propose(), marketer, proposedAt), salesOps, proposedAt);
    const e = refusal(() => approveVersion(done, person('u-sm2', 'sales_manager'), proposedAt));
    expect([e.reason, e.code]).toEqual(['not_pending', 'conflict']);
    expect(e.message).toBe('version 2 of the MQL definition is already approved');
  });

  it('does not change the version it was given', () => {
    const v = propose();
    approveVersion(v, marketer, proposedAt);
    expect(v.approvals).toEqual([]);
  });
});

describe('effective date at approval', () => {
  it('clamps a date that passed while waiting to the moment of full approval', () => {
    const v = propose(marketer, proposedAt);
    const late = at('2026-06-10T09:30:00Z');
    const done = approveVersion(approveVersion(v, marketer, proposedAt), salesManager, late);
    expect(done.effectiveFrom).toEqual(late);
    expect(done.requestedEffectiveFrom).toEqual(proposedAt);
  });

  it('keeps a date still in the future', () => {
    const done = approveVersion(
      approveVersion(propose(), marketer, proposedAt),
      salesManager,
      at('2026-06-30T23:59:59Z'),
    );
    expect(done.effectiveFrom).toEqual(july);
  });
});
