/** The reps (GET /reps), one cached list for the dispatch board and the roster. */
import { queryOptions } from '@tanstack/react-query';
import { api } from './api';
import { prefetchedFreshMs } from './prefetch';

/** A rep of the roster as GET /reps answers it. */
export interface Rep {
  userId: string;
  name: string;
  email: string;
  active: boolean;
  profile: {
    regions: string[];
    regionNames: string[];
    industries: string[];
    level: number;
    weight: number;
    capacity: number;
    department: string | null;
  } | null;
  status: {
    eligible: boolean;
    suspendedUntil: string | null;
    openMqls: number;
    consecutiveBreaches: number;
    month: string;
  };
}

export const repsKey = ['reps'] as const;

export const repsQuery = queryOptions({
  queryKey: repsKey,
  queryFn: () => api<{ items: Rep[] }>('GET', '/reps'),
  retry: false,
  staleTime: prefetchedFreshMs,
});
