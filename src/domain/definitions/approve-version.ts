/**
 * One approval of a pending definition version (SPEC §4.2): it needs a `marketing` approver and
 * a `sales_manager` or `sales_ops` approver, two different people. The proposer may approve for
 * their own side (proposing alone is not approving). Once both sides have approved, the version
 * takes effect at the requested date — or, if that date has passed while it waited, at the
 * moment of approval (clamped, not refused: re-proposing would only repeat the wait, and no
 * lead already counted changes either way).
 */
import { DomainError } from '../errors.js';
import { definitionKindNames } from './definition-body.js';
import { type Approver, approvalSideOfRole, type DefinitionVersion } from './definition-version.js';

export type ApprovalRefusalReason = 'not_pending' | 'wrong_role' | 'same_person' | 'side_already_approved';

export class ApprovalRefused extends DomainError {
  constructor(
    readonly reason: ApprovalRefusalReason,
    message: string,
  ) {
    super(reason === 'wrong_role' || reason === 'same_person' ? 'forbidden' : 'conflict', message);
  }
}

const describeVersion = (v: DefinitionVersion) =>
  `version ${v.version} of the ${definitionKindNames[v.body.kind].en} definition`;

export function approveVersion(version: DefinitionVersion, approver: Approver, now: Date): DefinitionVersion {
  if (version.status !== 'pending') {
    throw new ApprovalRefused('not_pending', `${describeVersion(version)} is already approved`);
  }
  const side = approvalSideOfRole[approver.role];
  if (!side) {
    throw new ApprovalRefused(
      'wrong_role',
      `the role ${approver.role} may not approve a definition: marketing approves for marketing, sales_manager or sales_ops for sales`,
    );
  }
  const mine = version.approvals.find((a) => a.approverId === approver.id);
  if (mine) {
    throw new ApprovalRefused(
      'same_person',
      `you already approved ${describeVersion(version)} (for ${mine.side}); the other side must be approved by someone else`,
    );
  }
  const sameSide = version.approvals.find((a) => a.side === side);
  if (sameSide) {
    const missing = side === 'marketing' ? 'a sales_manager or sales_ops' : 'a marketing';
    throw new ApprovalRefused(
      'side_already_approved',
      `${side} already approved ${describeVersion(version)} (${sameSide.approverId}); it now needs ${missing} approver`,
    );
  }
  const approvals = [...version.approvals, { side, approverId: approver.id, role: approver.role, at: now }];
  if (approvals.length < 2) return { ...version, approvals };
  const effectiveFrom = version.requestedEffectiveFrom.getTime() < now.getTime() ? now : version.requestedEffectiveFrom;
  return { ...version, approvals, status: 'approved', approvedAt: now, effectiveFrom };
}
