import { describe, expect, it } from 'vitest';
import { closingConflict, leadStatusAfter, registrationConflict } from './opportunity-rules.js';

describe('registrationConflict (SPEC §6.1: on a lead the rep accepted, one open opportunity at a time)', () => {
  it('allows a live sql lead without an open opportunity', () => {
    expect(registrationConflict({ status: 'sql', history: false, openOpportunityId: null })).toBeNull();
  });
  it('refuses before acceptance, after the end, with one open, on history leads', () => {
    expect(registrationConflict({ status: 'mql', history: false, openOpportunityId: null })).toMatch(/accepted/);
    expect(registrationConflict({ status: 'working', history: false, openOpportunityId: null })).toMatch(/working/);
    expect(registrationConflict({ status: 'won', history: false, openOpportunityId: null })).toMatch(/already won/);
    expect(registrationConflict({ status: 'opportunity', history: false, openOpportunityId: 'o1' })).toMatch(/o1/);
    expect(registrationConflict({ status: 'sql', history: true, openOpportunityId: null })).toMatch(/history/);
  });
});

describe('closingConflict: only an open opportunity changes', () => {
  it('open → any', () => {
    for (const action of ['withdraw', 'win', 'lose'] as const) expect(closingConflict('open', action)).toBeNull();
  });
  it('closed → 409 reason naming the stage', () => {
    expect(closingConflict('won', 'lose')).toBe(
      'this opportunity is already won; only an open opportunity can be lost',
    );
    expect(closingConflict('withdrawn', 'withdraw')).toMatch(/already withdrawn/);
  });
});

describe('leadStatusAfter: the lead follows its opportunity', () => {
  it('sql → opportunity → won | lost, or back to sql', () => {
    expect(leadStatusAfter('register', 'sql')).toBe('opportunity');
    expect(leadStatusAfter('withdraw', 'opportunity')).toBe('sql');
    expect(leadStatusAfter('win', 'opportunity')).toBe('won');
    expect(leadStatusAfter('lose', 'opportunity')).toBe('lost');
  });
  it('a lead moved elsewhere meanwhile is not pulled back', () => {
    expect(leadStatusAfter('win', 'working')).toBeNull();
    expect(leadStatusAfter('withdraw', 'mql')).toBeNull();
    expect(leadStatusAfter('register', 'opportunity')).toBeNull();
  });
});
