/** The hand-off shapes of GET /handoffs and GET /handoffs/{id} that the inbox screens read. */
import type { RoutingLine } from '../../routing-lines';

export interface Handoff {
  id: string;
  leadId: string;
  sdrId: string | null;
  repId: string | null;
  kind: 'assign' | 'sync' | 'dispatch';
  mode: 'auto' | 'manual' | 'direct';
  status: 'pending' | 'accepted' | 'rejected' | 'returned' | 'recalled';
  dueAt: string | null;
  requestReason: string | null;
  /** Every rule tried, every rep skipped and why, and the pick. */
  explanation: RoutingLine[];
  package: Record<string, unknown>;
  createdAt: string;
  remindedAt: string | null;
  breachedAt: string | null;
  decision: { reason: string | null; note: string | null; by: string | null; at: string } | null;
}

export interface AcceptanceSla {
  clock: 'wall' | 'business';
  dueAt: string;
  remindAt: string | null;
  remainingMs: number;
  remainingMinutes: number;
  running: boolean;
  state: 'ok' | 'reminder' | 'breached';
  asOf: string;
}

export interface HandoffItem {
  handoff: Handoff;
  lead: { id: string; name: string | null; company: string | null; status: string | null };
  sdrName: string | null;
  repName: string | null;
  sla: AcceptanceSla | null;
}

export interface HandoffPage {
  items: HandoffItem[];
  nextCursor: string | null;
}

export interface Reason {
  code: string;
  labelZh: string;
  labelEn: string;
  active: boolean;
}

/** The list is refetched each minute; the countdowns tick locally in between. */
export const REFETCH_MS = 60_000;
