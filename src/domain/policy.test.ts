import { describe, expect, it } from 'vitest';
import { Forbidden } from './errors.js';
import { authorize, leadScope } from './policy.js';
import type { Actor, Role } from './roles.js';

const actor = (role: Role): Actor => ({ id: `u-${role}`, role, teamId: 't1', name: role });

describe('policy (SPEC §1)', () => {
  it('lets only admins manage users, with a reason naming the role otherwise', () => {
    expect(() => authorize(actor('admin'), 'users.manage')).not.toThrow();
    expect(() => authorize(actor('sdr'), 'users.manage')).toThrow(Forbidden);
    expect(() => authorize(actor('sdr'), 'users.manage')).toThrow(/role sdr may not manage users/);
  });
  it('does not let a sales rep capture or import leads', () => {
    expect(() => authorize(actor('sales'), 'leads.capture')).toThrow(Forbidden);
    expect(() => authorize(actor('sales'), 'leads.import')).toThrow(Forbidden);
    expect(() => authorize(actor('sdr'), 'leads.import')).not.toThrow();
  });
  it('scopes leads: sales to hand-offs, sdr and sales managers to their team, others to all', () => {
    expect(leadScope(actor('sales'))).toEqual({ kind: 'handed_to', userId: 'u-sales' });
    expect(leadScope(actor('sdr'))).toEqual({ kind: 'sdr_team', userId: 'u-sdr', teamId: 't1' });
    expect(leadScope(actor('sales_manager'))).toEqual({ kind: 'sales_team', userId: 'u-sales_manager', teamId: 't1' });
    for (const role of ['admin', 'sales_ops', 'sdr_lead', 'marketing', 'sales_assistant'] as const)
      expect(leadScope(actor(role))).toEqual({ kind: 'all' });
  });
});
