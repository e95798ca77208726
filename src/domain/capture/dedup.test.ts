import { describe, expect, it } from 'vitest';
import { matchableFrom, planCaptures } from './dedup.js';
import type { NormalisedLead } from './lead-input.js';

const lead = (over: Partial<NormalisedLead>): NormalisedLead => ({
  name: '张伟',
  nameKey: '张伟',
  phone: null,
  email: null,
  company: null,
  companyKey: null,
  title: null,
  region: null,
  regionCode: null,
  industry: null,
  employees: null,
  channel: 'sem',
  source: {
    channel: 'sem',
    utm: { source: null, medium: null, campaign: null, term: null, content: null },
    referrer: null,
    landingPage: null,
    at: '2026-01-01T00:00:00.000Z',
  },
  externalId: null,
  fields: {},
  ...over,
});

const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};

describe('planCaptures (SPEC §2 de-duplication)', () => {
  it('merges on phone, fills only empty fields', () => {
    const existing = [matchableFrom('L1', lead({ name: '张伟', phone: '+8613900000001', title: 'CEO' }))];
    const [step] = planCaptures([lead({ phone: '+8613900000001', email: 'zw@x.cn', title: '经理' })], existing, ids());
    expect(step).toMatchObject({ kind: 'merge', id: 'L1', on: 'phone', filled: { email: 'zw@x.cn' } });
  });

  it('prefers external id, then phone, then e-mail, then company + name', () => {
    const existing = [
      matchableFrom('BY_EMAIL', lead({ name: 'a', email: 'a@x.cn' })),
      matchableFrom('BY_PHONE', lead({ name: 'b', phone: '+8613900000002' })),
      matchableFrom('BY_EXT', lead({ externalId: 'CRM-1', name: 'c' })),
    ];
    const steps = planCaptures(
      [
        lead({ email: 'a@x.cn', phone: '+8613900000002' }),
        lead({ email: 'a@x.cn', phone: '+8613900000002', externalId: 'CRM-1' }),
        lead({ email: 'a@x.cn' }),
      ],
      existing,
      ids(),
    );
    expect(steps.map((s) => [s.kind, s.id, s.kind === 'merge' ? s.on : null])).toEqual([
      ['merge', 'BY_PHONE', 'phone'],
      ['merge', 'BY_EXT', 'externalId'],
      ['merge', 'BY_EMAIL', 'email'],
    ]);
  });

  it('needs both company and name to match on company', () => {
    const steps = planCaptures(
      [
        lead({ email: 'a@x.cn', companyKey: 'acme', nameKey: '张伟' }),
        lead({ email: 'b@x.cn', companyKey: 'acme', nameKey: '李雷' }),
        lead({ email: 'c@x.cn', companyKey: 'acme', nameKey: '张伟' }),
      ],
      [],
      ids(),
    );
    expect(steps.map((s) => [s.kind, s.id])).toEqual([
      ['create', 'new-1'],
      ['create', 'new-2'],
      ['merge', 'new-1'],
    ]);
  });

  it('merges repeats inside one batch, and a filled field becomes a key for later items', () => {
    const steps = planCaptures(
      [
        lead({ phone: '+8613900000003' }),
        lead({ phone: '+8613900000003', email: 'late@x.cn' }),
        lead({ email: 'late@x.cn' }),
      ],
      [],
      ids(),
    );
    expect(steps.map((s) => [s.kind, s.id])).toEqual([
      ['create', 'new-1'],
      ['merge', 'new-1'],
      ['merge', 'new-1'],
    ]);
    expect(steps[2].kind === 'merge' && steps[2].on).toBe('email');
  });
});
