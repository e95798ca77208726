/**
 * Server cursor paging: one page of rows in the DOM at a time (smooth with 10,000 rows in the
 * pool), previous pages remembered by their cursors.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { prefetchedFreshMs } from '../../prefetch';
import type { Page } from './poolApi';

export type FetchPage<T> = (cursor: string | undefined, limit: number) => Promise<Page<T>>;

export const firstPageLimit = 50;

/** One page of a cursor list: what the hook reads, and what a screen's prefetch reads ahead. */
export const cursorPageQuery = <T>(
  key: readonly unknown[],
  fetchPage: FetchPage<T>,
  limit = firstPageLimit,
  cursor?: string,
) =>
  queryOptions({
    queryKey: [...key, limit, cursor ?? ''],
    queryFn: () => fetchPage(cursor, limit),
    retry: false,
    staleTime: prefetchedFreshMs,
  });

export function useCursorPages<T>(key: readonly unknown[], fetchPage: FetchPage<T>) {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [limit, setLimitState] = useState(firstPageLimit);
  const cursor = cursors[cursors.length - 1];
  const keyText = JSON.stringify(key);
  const [lastKey, setLastKey] = useState(keyText);
  if (lastKey !== keyText) {
    // New filters: back to the first page.
    setLastKey(keyText);
    setCursors([undefined]);
  }
  const page = useQuery({ ...cursorPageQuery(key, fetchPage, limit, cursor), placeholderData: keepPreviousData });
  const nextCursor = page.data?.nextCursor ?? null;
  return {
    page,
    items: page.data?.items ?? [],
    pageNumber: cursors.length,
    limit,
    setLimit: (n: number) => {
      setLimitState(n);
      setCursors([undefined]);
    },
    hasPrev: cursors.length > 1,
    hasNext: nextCursor !== null,
    prev: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    next: () => {
      if (nextCursor) setCursors((c) => [...c, nextCursor]);
    },
  };
}
