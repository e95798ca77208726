import { describe, expect, it } from 'vitest';
import { defaultDefinitionBodies } from './default-definitions.js';
import { DefinitionNotMet } from './definition-not-met.js';
import { evaluateDefinition } from './evaluate-definition.js';
import { allYes, buildFacts } from './test-facts.js';

describe('DefinitionNotMet (HTTP 422 naming the unmet criteria)', () => {
  it('carries each unmet criterion as a field error in both languages and says which version refused', () => {
    const { unmet } = evaluateDefinition(
      defaultDefinitionBodies.mql,
      buildFacts({ answers: { BANT: { ...allYes, timing: 'unknown' } }, phone: null }),
    );
    const error = new DefinitionNotMet('mql', 1, unmet);
    expect(error.code).toBe('unprocessable');
    expect(error.errors).toEqual([
      {
        field: 'BANT.timing',
        message: 'BANT timing is "unknown", needs "yes"',
        messageZh: 'BANT timing 为“未知”，需要“是”',
      },
      { field: 'contact', message: 'needs a phone or an e-mail', messageZh: '需要电话或邮箱' },
    ]);
    expect(error.message).toBe(
      'the lead does not meet MQL definition v1: BANT timing is "unknown", needs "yes"; needs a phone or an e-mail',
    );
  });
});
