/** The reps (GET /reps), one cached list for the dispatch board and the roster. */
import { queryOptions } from '@tanstack/react-query';
import type { Rep as RosterRep } from '../../src/services/roster/reps.js';
import { api } from './api';
import { prefetchedFreshMs } from './prefetch';
import type { Wire } from './wire';

/** A rep of the roster as GET /reps answers it. */
export type Rep = Wire<RosterRep>;

export const repsKey = ['reps'] as const;

export const repsQuery = queryOptions({
  queryKey: repsKey,
  queryFn: () => api<{ items: Rep[] }>('GET', '/reps'),
  retry: false,
  staleTime: prefetchedFreshMs,
});
