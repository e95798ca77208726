import { describe, expect, it } from 'vitest';
import { parseOutcome } from './outcome.js';

describe('history outcome', () => {
  it.each([
    ['sql', 'sql', 'sql'],
    ['Opportunity', 'opportunity', 'opportunity'],
    [' 已转化 ', 'won', 'won'],
    ['CONVERTED', 'won', 'won'],
    ['not converted', 'not_converted', 'lost'],
    ['１', 'won', 'won'],
    ['0', 'not_converted', 'lost'],
    ['输单', 'lost', 'lost'],
  ])('%j → %s (%s)', (text, outcome, status) => {
    expect(parseOutcome(text)).toEqual({ ok: true, outcome, status });
  });

  it('empty is an open lead; anything else is refused', () => {
    expect(parseOutcome(undefined)).toEqual({ ok: true, outcome: null, status: 'new' });
    expect(parseOutcome('  ')).toEqual({ ok: true, outcome: null, status: 'new' });
    expect(parseOutcome('maybe')).toMatchObject({ ok: false, message: expect.stringContaining('"maybe"') });
    expect(parseOutcome('constructor')).toMatchObject({ ok: false });
  });
});
