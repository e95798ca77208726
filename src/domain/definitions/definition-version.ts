/**
 * A version of a stage definition and its approvals (SPEC §4.2). Seeds 000 and 002: the MQL
 * gate is where marketing's and sales' interests meet, so it changes only when both agree —
 * one approver from marketing and one from sales, two different people.
 */
import type { Role } from '../roles.js';
import type { DefinitionBody } from './definition-body.js';

export type ApprovalSide = 'marketing' | 'sales';

/** Which side of the agreement a role speaks for; other roles do not approve definitions. */
export const approvalSideOfRole: Partial<Record<Role, ApprovalSide>> = {
  marketing: 'marketing',
  sales_manager: 'sales',
  sales_ops: 'sales',
};

export interface Approver {
  id: string;
  role: Role;
}

export interface Approval {
  side: ApprovalSide;
  approverId: string;
  role: Role;
  at: Date;
}

export interface DefinitionVersion {
  /** 1, 2, 3 … per kind, in order of proposal. */
  version: number;
  body: DefinitionBody;
  status: 'pending' | 'approved';
  proposedBy: Approver;
  proposedAt: Date;
  /** The date the proposer asked for. */
  requestedEffectiveFrom: Date;
  /**
   * When the version takes effect: the requested date, or the moment of full approval if that
   * came later (a version never takes effect before both sides agreed, so history stays).
   */
  effectiveFrom: Date;
  approvals: Approval[];
  approvedAt: Date | null;
  /** Why the change was proposed ("drop Timing for the Q3 campaign push"). */
  note?: string;
}
