/**
 * A new, pending version of a stage definition (SPEC §4.2). It counts for nothing until both
 * sides approve it. A date in the past is refused: a definition never changes how leads
 * already counted were counted.
 */
import { InvalidInput } from '../errors.js';
import type { DefinitionBody } from './definition-body.js';
import type { Approver, DefinitionVersion } from './definition-version.js';

export function proposeVersion(
  history: readonly DefinitionVersion[],
  body: DefinitionBody,
  proposer: Approver,
  effectiveFrom: Date,
  now: Date,
  note?: string,
): DefinitionVersion {
  if (effectiveFrom.getTime() < now.getTime()) {
    throw new InvalidInput([
      {
        field: 'effectiveFrom',
        message: `may not be in the past (now is ${now.toISOString()}): history is never rewritten`,
        messageZh: `不能早于当前时间（现在是 ${now.toISOString()}）：已有的历史不会被改写`,
      },
    ]);
  }
  const latest = Math.max(0, ...history.filter((v) => v.body.kind === body.kind).map((v) => v.version));
  return {
    version: latest + 1,
    body,
    status: 'pending',
    proposedBy: { id: proposer.id, role: proposer.role },
    proposedAt: now,
    requestedEffectiveFrom: effectiveFrom,
    effectiveFrom,
    approvals: [],
    approvedAt: null,
    ...(note?.trim() ? { note: note.trim() } : {}),
  };
}
