/** The pool's API shapes and calls (GET /pool, /pool/quota, /pool/segments, claim, release). */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api';
import { prefetchedFreshMs } from '../../prefetch';

export interface PoolLead {
  id: string;
  status: string;
  ownerId: string | null;
  name: string | null;
  company: string | null;
  region: string | null;
  industry: string | null;
  channel: string | null;
  tags: string[];
  score: number;
  grade: string | null;
  doNotContact: boolean;
  resurfaced: { trigger: string; at: string } | null;
  updatedAt: string;
}

export interface PoolFilters {
  channel?: string;
  region?: string;
  industry?: string;
  minScore?: number;
  maxScore?: number;
  tags?: string[];
  q?: string;
  resurfaced?: boolean;
}

export interface Segment {
  id: string;
  name: string;
  filters: PoolFilters;
  createdBy: string | null;
  createdAt: string;
}

export interface Quota {
  claimsToday: number;
  dailyLimit: number;
  openLeads: number;
  openLimit: number;
  dayEndsAt?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const quotaKey = ['pool', 'quota'] as const;
export const segmentsKey = ['pool', 'segments'] as const;

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function fetchPool(
  filters: PoolFilters,
  segment: string | undefined,
  cursor: string | undefined,
  limit: number,
): Promise<Page<PoolLead>> {
  return api('GET', `/pool${poolQuery(filters, segment, cursor, limit)}`);
}

export function poolQuery(filters: PoolFilters, segment?: string, cursor?: string, limit?: number): string {
  return query({
    q: filters.q,
    channel: filters.channel,
    region: filters.region,
    industry: filters.industry,
    minScore: filters.minScore,
    maxScore: filters.maxScore,
    tag: filters.tags?.length ? filters.tags.join(',') : undefined,
    resurfaced: filters.resurfaced === undefined ? undefined : String(filters.resurfaced),
    segment,
    cursor,
    limit,
  });
}

export function fetchMyLeads(cursor: string | undefined, limit: number): Promise<Page<PoolLead>> {
  return api('GET', `/leads${query({ ownerId: 'me', status: 'working', cursor, limit })}`);
}

/** The pool's pages under some filters or a saved segment: their cache key and how to read one. */
export const poolList = (filters: PoolFilters, segment?: string) => ({
  key: ['pool', 'list', filters, segment ?? ''] as const,
  fetchPage: (cursor: string | undefined, limit: number) => fetchPool(filters, segment, cursor, limit),
});

/** The caller's claim limits and the saved segments (the page and its prefetch read the same entries). */
export const quotaQuery = queryOptions({
  queryKey: quotaKey,
  queryFn: () => api<Quota>('GET', '/pool/quota'),
  retry: false,
  staleTime: prefetchedFreshMs,
});
export const segmentsQuery = queryOptions({
  queryKey: segmentsKey,
  queryFn: () => api<{ items: Segment[] }>('GET', '/pool/segments'),
  retry: false,
  staleTime: prefetchedFreshMs,
});
export const saveSegment = (name: string, filters: PoolFilters) =>
  api<Segment>('POST', '/pool/segments', { name, filters });
export const removeSegment = (id: string) => api<{ removed: string }>('DELETE', `/pool/segments/${id}`);
export const segmentExportHref = (id: string) => `/api/v1/pool/segments/${encodeURIComponent(id)}/export`;

export const claimLead = (id: string) => api<{ lead: PoolLead } & Quota>('POST', `/leads/${id}/claim`, {});
export const releaseLead = (id: string, reason: string) =>
  api<{ lead: PoolLead; coolOffUntil: string }>('POST', `/leads/${id}/release`, { reason });
