/**
 * Version 1 of each stage definition, in force from the beginning of time so every lead ever
 * captured resolves to a definition. MQL: SPEC §4.2 (BANT all four "yes", and a phone or an
 * e-mail); valid lead: SPEC §8.1 (not disqualified); SQL: accepted by sales and opportunity:
 * an opportunity registered (SPEC §6.1).
 */
import type { DefinitionBody, DefinitionKind } from './definition-body.js';
import type { DefinitionVersion } from './definition-version.js';

export const defaultDefinitionBodies: Record<DefinitionKind, DefinitionBody> = {
  valid_lead: { kind: 'valid_lead', criteria: [{ kind: 'status', notIn: ['disqualified'] }] },
  mql: {
    kind: 'mql',
    criteria: [
      { kind: 'answer', framework: 'BANT', key: 'budget', oneOf: ['yes'] },
      { kind: 'answer', framework: 'BANT', key: 'authority', oneOf: ['yes'] },
      { kind: 'answer', framework: 'BANT', key: 'need', oneOf: ['yes'] },
      { kind: 'answer', framework: 'BANT', key: 'timing', oneOf: ['yes'] },
      { kind: 'contact', require: 'phone_or_email' },
    ],
  },
  sql: { kind: 'sql', criteria: [{ kind: 'milestone', milestone: 'accepted_by_sales' }] },
  opportunity: { kind: 'opportunity', criteria: [{ kind: 'milestone', milestone: 'opportunity_registered' }] },
};

const beginning = new Date(0);

/** Who proposed the built-in versions: LeadLoop itself, not a person of the workspace. */
export const systemProposer = { id: 'system', role: 'admin' } as const;

export const defaultDefinitionVersions: readonly DefinitionVersion[] = Object.values(defaultDefinitionBodies).map(
  (body) => ({
    version: 1,
    body,
    status: 'approved',
    proposedBy: systemProposer,
    proposedAt: beginning,
    requestedEffectiveFrom: beginning,
    effectiveFrom: beginning,
    approvals: [],
    approvedAt: beginning,
    note: 'LeadLoop default',
  }),
);
