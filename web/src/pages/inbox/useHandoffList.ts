import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { type HandoffPage, REFETCH_MS } from './types';

const PAGE = 100;

/** GET /handoffs of one state, page by page (keyset cursor), refetched each minute for the countdowns. */
export function useHandoffList(state: 'pending' | 'accepted', order: 'due' | 'newest') {
  const query = useInfiniteQuery({
    queryKey: ['handoffs', state, order],
    queryFn: ({ pageParam }) =>
      api<HandoffPage>(
        'GET',
        `/handoffs?state=${state}&order=${order}&limit=${PAGE}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: REFETCH_MS,
  });
  return { ...query, items: query.data?.pages.flatMap((p) => p.items) ?? [] };
}
