import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { prefetchedFreshMs } from '../../prefetch';
import { type HandoffPage, REFETCH_MS } from './types';

const PAGE = 100;

/** GET /handoffs of one state, page by page (keyset cursor), refetched each minute for the countdowns. */
export const handoffListQuery = (state: 'pending' | 'accepted', order: 'due' | 'newest') =>
  infiniteQueryOptions({
    queryKey: ['handoffs', state, order],
    queryFn: ({ pageParam }) =>
      api<HandoffPage>(
        'GET',
        `/handoffs?state=${state}&order=${order}&limit=${PAGE}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: REFETCH_MS,
    staleTime: prefetchedFreshMs,
  });

export function useHandoffList(state: 'pending' | 'accepted', order: 'due' | 'newest') {
  const query = useInfiniteQuery(handoffListQuery(state, order));
  return { ...query, items: query.data?.pages.flatMap((p) => p.items) ?? [] };
}
