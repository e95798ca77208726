/** Small factories for the tests of this folder. */
import type { Answers } from '../qualification/framework.js';
import type { LeadFacts } from './lead-facts.js';

export const allYes: Answers = { budget: 'yes', authority: 'yes', need: 'yes', timing: 'yes' };

export function buildFacts(over: Partial<LeadFacts> = {}): LeadFacts {
  return {
    status: 'working',
    phone: '+8613900000001',
    email: null,
    answers: { BANT: allYes },
    score: 55,
    ...over,
  };
}
