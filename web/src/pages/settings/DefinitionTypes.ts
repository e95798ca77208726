/** The shapes of GET /definitions and /definitions/{kind}/versions (SPEC §4.2). */
import type { Role } from '../../api';

export type DefinitionKind = 'valid_lead' | 'mql' | 'sql' | 'opportunity';
export type ApprovalSide = 'marketing' | 'sales';

export interface DefinitionVersion {
  kind: DefinitionKind;
  version: number;
  status: 'pending' | 'approved' | 'rejected';
  criteria: Record<string, unknown>[];
  note: string | null;
  proposedBy: { userId: string; role: Role } | null;
  proposedAt: string;
  requestedEffectiveFrom: string;
  effectiveFrom: string;
  approvedAt: string | null;
  approvals: { side: ApprovalSide; userId: string; role: Role; at: string }[];
  awaiting: ApprovalSide[];
  rejection: { userId: string | null; reason: string; at: string } | null;
}

export interface DefinitionOverview {
  kind: DefinitionKind;
  name: { zh: string; en: string };
  inForce: DefinitionVersion;
  scheduled: DefinitionVersion[];
  pending: DefinitionVersion[];
}

/** Which side a role approves for (src/domain/definitions/definition-version.ts). */
export const approvalSideOfRole: Partial<Record<Role, ApprovalSide>> = {
  marketing: 'marketing',
  sales_manager: 'sales',
  sales_ops: 'sales',
};

export const proposerRoles: readonly Role[] = ['admin', 'marketing', 'sales_manager', 'sales_ops', 'sdr_lead'];

export const definitionsKey = ['definitions'] as const;

/** One criterion a line: easy to read, and a diff by line is a diff by criterion. */
export function criteriaJson(criteria: unknown): string {
  if (!Array.isArray(criteria) || criteria.length === 0) return JSON.stringify(criteria, null, 2);
  return `[\n${criteria.map((c) => `  ${JSON.stringify(c)}`).join(',\n')}\n]`;
}
