/** The dispatch board's API shapes and calls (GET /dispatches, comments, resolve; GET /reps, /users). */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api';
import { prefetchedFreshMs } from '../../prefetch';
import type { Rep } from '../../reps';
import type { RoutingLine } from '../../routing-lines';

export interface DispatchItem {
  handoff: {
    id: string;
    leadId: string;
    sdrId: string | null;
    mode: 'auto' | 'manual' | 'direct';
    requestReason: string | null;
    explanation: RoutingLine[];
    createdAt: string;
  };
  lead: {
    id: string;
    name: string | null;
    company: string | null;
    title: string | null;
    region: string | null;
    industry: string | null;
    score: number;
    grade: string | null;
  } | null;
  comments: { id: string; userId: string; body: string; at: string }[];
}

export const dispatchesKey = ['dispatches'] as const;

/** The open requests (the board and its prefetch read the same entry). */
export const dispatchesQuery = queryOptions({
  queryKey: dispatchesKey,
  queryFn: () => api<{ items: DispatchItem[] }>('GET', '/dispatches?limit=100'),
  retry: false,
  staleTime: prefetchedFreshMs,
});
export const addComment = (id: string, body: string) =>
  api<DispatchItem['comments'][number]>('POST', `/dispatches/${id}/comments`, { body });
export const resolveDispatch = (id: string, repId: string, as: 'assign' | 'sync') =>
  api<{ handoff: { id: string; repId: string } }>('POST', `/dispatches/${id}/resolve`, { repId, as });

/** Can this rep take an MQL now (§5.2 step 4)? */
export function availability(rep: Rep): 'available' | 'full' | 'unavailable' {
  // The API answers suspendedUntil only while the suspension lasts (null otherwise).
  const suspended = rep.status.suspendedUntil !== null;
  if (!rep.active || !rep.profile || !rep.status.eligible || suspended) return 'unavailable';
  return rep.status.openMqls >= rep.profile.capacity ? 'full' : 'available';
}
