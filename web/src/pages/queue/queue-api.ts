/** The shapes of GET /queue and the lead JSON the workbench reads (src/http/routes/queue.ts). */
import { infiniteQueryOptions } from '@tanstack/react-query';
import { api } from '../../api';
import { prefetchedFreshMs } from '../../prefetch';

export interface Source {
  channel: string | null;
  utm: {
    source: string | null;
    medium: string | null;
    campaign: string | null;
    term: string | null;
    content: string | null;
  };
  referrer: string | null;
  landingPage: string | null;
  at: string;
  inferredBy?: string;
}

export interface Lead {
  id: string;
  status: string;
  statusReason: string | null;
  ownerId: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
  company: string | null;
  title: string | null;
  region: string | null;
  industry: string | null;
  employees: number | null;
  channel: string | null;
  originalSource: Source;
  latestSource: Source;
  flags: string[];
  tags: string[];
  doNotContact: boolean;
  doNotContactReason: string | null;
  score: number;
  grade: string | null;
  createdAt: string;
  updatedAt: string;
}

export type QueuePriority = 'mrl' | 'sla_due' | 'resurfaced' | 'score';
export type ReasonCode =
  | 'mrl'
  | 'first_touch_due'
  | 'recall_due'
  | 'recall_warning'
  | 'resurfaced'
  | 'score'
  | 'predicted';

export interface QueueItem {
  lead: Lead;
  reason: string;
  priority: QueuePriority;
  reasons: { code: ReasonCode; text: string; at: string | null }[];
  dueAt: string | null;
  /** The active predictive model's probability; null when none is active. */
  predicted: number | null;
}

export interface QueueResponse {
  sdrId: string;
  items: QueueItem[];
  /** The next page's cursor (GET /queue?cursor=); null on the last page. */
  nextCursor: string | null;
}

export const queuePriorities: readonly QueuePriority[] = ['mrl', 'sla_due', 'resurfaced', 'score'];

/** The filters of the queue screen: scope, page size and sort go to the API, the rest narrow what came back. */
export interface QueueFilters {
  /** Whose queue ('' = the caller's): an SDR lead may read their team's SDRs, an admin anyone's. */
  sdrId: string;
  scope: 'all' | 'own';
  /** Rows per page read from the API; "Load more" reads the next page. */
  limit: number;
  /** After MRL, SLA-due and re-surfaced leads: by rule score or by the model's probability. */
  sort: 'score' | 'predicted';
  priority: QueuePriority | '';
  search: string;
}

export const defaultFilters: QueueFilters = {
  sdrId: '',
  scope: 'all',
  limit: 50,
  sort: 'score',
  priority: '',
  search: '',
};

/** GET /queue of the filters, page by page (the screen and its prefetch read the same entry). */
export const queueQuery = (filters: QueueFilters) =>
  infiniteQueryOptions({
    queryKey: ['queue', filters.sdrId, filters.scope, filters.limit, filters.sort],
    queryFn: ({ pageParam }) => api<QueueResponse>('GET', queuePath(filters, pageParam)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry: false,
    staleTime: prefetchedFreshMs,
  });

export function queuePath(filters: QueueFilters, cursor?: string): string {
  const whose = filters.sdrId ? `&sdrId=${encodeURIComponent(filters.sdrId)}` : '';
  const from = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
  return `/queue?scope=${filters.scope}&limit=${filters.limit}&sort=${filters.sort ?? 'score'}${whose}${from}`;
}

/** The pages read so far as one list; a lead that moved between two reads is shown once, where first seen. */
export function joinPages(pages: readonly QueueResponse[]): QueueItem[] {
  const seen = new Set<string>();
  const items: QueueItem[] = [];
  for (const page of pages)
    for (const item of page.items) {
      if (seen.has(item.lead.id)) continue;
      seen.add(item.lead.id);
      items.push(item);
    }
  return items;
}

export function narrow(items: readonly QueueItem[], filters: QueueFilters): QueueItem[] {
  const needle = filters.search.trim().toLowerCase();
  return items.filter(
    (i) =>
      (!filters.priority || i.priority === filters.priority) &&
      (!needle ||
        [i.lead.name, i.lead.company, i.lead.phone, i.lead.email].some((v) => v?.toLowerCase().includes(needle))),
  );
}

/** The API writes its texts "中文 / English": the half in the user's language. */
export function halfOf(text: string, language: string): string {
  const first = text.indexOf(' / ');
  if (first < 0) return text;
  return language === 'en' ? text.slice(text.lastIndexOf(' / ') + 3) : text.slice(0, first);
}
