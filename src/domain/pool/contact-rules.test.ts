import { describe, expect, it } from 'vitest';
import { type ContactFacts, contactRuleHits, decideContact } from './contact-rules.js';
import { defaultPoolPolicy } from './pool-policy.js';

const at = new Date('2026-05-12T02:00:00Z'); // 10:00 in Shanghai
const facts = (over: Partial<ContactFacts> = {}): ContactFacts => ({
  type: 'call',
  leadStatus: 'working',
  occurredAt: at,
  now: at,
  policy: defaultPoolPolicy(),
  doNotContact: null,
  earlierContacts: [],
  override: null,
  ...over,
});
const daysBefore = (d: number) => new Date(at.getTime() - d * 86_400_000);

describe('contact rules (SPEC §6.3)', () => {
  it('counts contacts in the rolling window ending at the touch', () => {
    const three = [daysBefore(7), daysBefore(6.9), daysBefore(1)];
    expect(contactRuleHits(facts({ earlierContacts: three }))).toEqual([]);
    const inside = [daysBefore(6.99), daysBefore(6.9), daysBefore(1)];
    const hits = contactRuleHits(facts({ earlierContacts: inside }));
    expect(hits.map((h) => h.code)).toEqual(['frequency_cap']);
    expect(hits[0].message).toContain(new Date(daysBefore(6.99).getTime() + 7 * 86_400_000).toISOString());
  });

  it('does not cap a lead in an active sales cycle, but quiet hours and do-not-contact still hold', () => {
    const many = [daysBefore(1), daysBefore(2), daysBefore(3), daysBefore(4)];
    expect(contactRuleHits(facts({ leadStatus: 'opportunity', earlierContacts: many }))).toEqual([]);
    const night = new Date('2026-05-12T14:00:00Z');
    expect(contactRuleHits(facts({ leadStatus: 'sql', occurredAt: night, now: night })).map((h) => h.code)).toEqual([
      'quiet_hours',
    ]);
  });

  it('reads quiet hours that do not wrap midnight', () => {
    const policy = defaultPoolPolicy();
    policy.contact.quietHours = { start: '12:00', end: '13:30' };
    const noon = (m: string) => new Date(`2026-05-12T${m}:00Z`);
    expect(contactRuleHits(facts({ policy, occurredAt: noon('03:59') }))).toEqual([]);
    expect(contactRuleHits(facts({ policy, occurredAt: noon('04:00') })).map((h) => h.code)).toEqual(['quiet_hours']);
    expect(contactRuleHits(facts({ policy, occurredAt: noon('05:29') })).map((h) => h.code)).toEqual(['quiet_hours']);
    expect(contactRuleHits(facts({ policy, occurredAt: noon('05:30') }))).toEqual([]);
  });

  it('refuses do-not-contact even with an override; a touch from before the flag is only a record', () => {
    const dnc = { reason: '投诉', since: daysBefore(1) };
    const refused = decideContact(facts({ doNotContact: dnc, override: '客户来电' }));
    expect(refused.ok).toBe(false);
    expect(contactRuleHits(facts({ doNotContact: dnc, occurredAt: daysBefore(2), now: at }))).toEqual([]);
  });

  it('never checks notes', () => {
    expect(decideContact(facts({ type: 'note', doNotContact: { reason: null, since: null } })).ok).toBe(true);
  });
});
