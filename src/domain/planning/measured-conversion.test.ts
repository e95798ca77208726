import { describe, expect, it } from 'vitest';
import { measuredConversion } from './measured-conversion.js';

describe('measured conversion rates', () => {
  it('divides each stage by the one before, to 4 decimals', () => {
    expect(measuredConversion({ leads: 9, mqls: 5, sqls: 5, opportunities: 2, won: 1 }, 'measuredMonths')).toEqual({
      rates: { leadToMql: 0.5556, mqlToSql: 1, sqlToOpportunity: 0.4, opportunityToWon: 0.5 },
      errors: [],
    });
  });

  it('names every rate an empty stage or a share over 1 leaves unmeasurable', () => {
    const r = measuredConversion({ leads: 4, mqls: 1, sqls: 2, opportunities: 0, won: 0 }, 'measuredMonths');
    expect(r.rates).toBeNull();
    expect(r.errors.map((e) => e.message.split(':')[0])).toEqual([
      'mqlToSql cannot be measured',
      'sqlToOpportunity cannot be measured',
      'opportunityToWon cannot be measured',
    ]);
    expect(r.errors.every((e) => e.field === 'measuredMonths')).toBe(true);
  });
});
