/** Steps of the lead flow that many API tests take through the public API. */
import { expect } from 'vitest';
import type { Client } from './server.js';

export const BANT_YES = { budget: 'yes', authority: 'yes', need: 'yes', timing: 'yes' };

/** The SDR answers BANT with four "yes" and transfers the lead; answers the hand-off. */
export async function qualifyAndTransfer(
  sdr: { call: Client },
  leadId: string,
  body: { mode: 'auto' } | { mode: 'manual'; reason: string } = { mode: 'auto' },
) {
  const q = await sdr.call('PUT', `/leads/${leadId}/qualification`, { framework: 'BANT', answers: BANT_YES });
  expect(q.status, q.text).toBe(200);
  const r = await sdr.call('POST', `/leads/${leadId}/transfer`, body);
  expect(r.status, r.text).toBe(201);
  return r.body.handoff;
}
