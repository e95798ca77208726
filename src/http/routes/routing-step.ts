/** A routing explanation line on the wire (SPEC §5.2), shared by the hand-off, dispatch and preview routes. */
import { z } from 'zod';
import { ROUTING_CODES } from '../../domain/routing/routing-types.js';

const regionName = z
  .object({ code: z.string(), zh: z.string(), en: z.string() })
  .describe('a region code with its names (the code when the taxonomy does not know it)');

const mention = z
  .object({
    name: z.string(),
    title: z.string().nullable().optional(),
    seniority: z.string().optional(),
    regions: z.array(regionName).readonly().optional(),
    industries: z.array(z.string()).readonly().optional(),
    level: z.number().optional(),
    weight: z.number().optional(),
    received: z.number().optional(),
  })
  .describe('a person the line names, with what the rule saw of them');

export const routingStepSchema = z
  .object({
    step: z.string(),
    repId: z.string().optional(),
    outcome: z.string(),
    message: z.string().describe('the line as stored, Chinese first with English key words'),
    code: z
      .enum(ROUTING_CODES)
      .optional()
      .describe('what kind of line, for wording it in the reader’s language; absent on older stored explanations'),
    params: z
      .record(
        z.string(),
        z.union([z.string(), z.number(), z.boolean(), z.null(), regionName, z.array(mention).readonly()]),
      )
      .optional()
      .describe(
        'the values the code is worded with (rep and account names, counts, regions as {code, zh, en}, credit, ' +
          'dates as ISO-8601); see ROUTING_CODES in src/domain/routing/routing-types.ts',
      ),
  })
  .meta({ id: 'RoutingStep' });
