/** A score's explanation line on the wire (SPEC §4.3), shared by the score and simulation routes. */
import { z } from 'zod';
import { EXPLANATION_CODES } from '../../domain/scoring/scoring-rules.js';

const bilingual = z.object({ en: z.string(), zh: z.string() });

/** Spread into an object schema: the rule as text, its points, and the same as code and values. */
export const explanationLineFields = {
  rule: z.string().describe('the rule in Chinese, as stored'),
  points: z.number(),
  code: z
    .enum(EXPLANATION_CODES)
    .optional()
    .describe('what kind of rule fired, for wording it in the reader’s language; absent on older stored scores'),
  params: z
    .record(z.string(), z.union([z.string(), z.number(), z.null(), bilingual]))
    .optional()
    .describe(
      'the values the code is worded with: seniority {level}; employees {min, max}; industry {industry}; ' +
        'region {region, label}; behaviour {type, count}; behaviour_cap {type, days, points}; decay {halfLifeDays}; ' +
        'qualification {framework, criterion, label, answer} (label and answer as {en, zh})',
    ),
};
