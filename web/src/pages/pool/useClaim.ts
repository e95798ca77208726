/**
 * Claiming leads one by one (POST /leads/{id}/claim): the quota the API answers replaces the
 * shown one; a refusal (limit reached, cool-off, owned by someone) stops a bulk claim and is
 * kept to be shown as the API worded it.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api';
import { claimLead, type Quota, quotaKey } from './poolApi';

export interface ClaimOutcome {
  claimed: string[];
  refusal: string | null;
}

function reasonOf(error: unknown): string {
  if (error instanceof ApiError) return error.problem?.detail ?? error.message;
  return String(error);
}

export function useClaim(onDone: (outcome: ClaimOutcome) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (ids: string[]): Promise<ClaimOutcome> => {
      const claimed: string[] = [];
      for (const id of ids) {
        try {
          const r = await claimLead(id);
          claimed.push(id);
          client.setQueryData<Quota>(quotaKey, (old) => ({
            claimsToday: r.claimsToday,
            dailyLimit: r.dailyLimit,
            openLeads: r.openLeads,
            openLimit: r.openLimit,
            dayEndsAt: old?.dayEndsAt,
          }));
        } catch (error) {
          return { claimed, refusal: reasonOf(error) };
        }
      }
      return { claimed, refusal: null };
    },
    onSettled: async (outcome) => {
      if (outcome) onDone(outcome);
      await client.invalidateQueries({ queryKey: ['pool', 'list'] });
      await client.invalidateQueries({ queryKey: ['pool', 'mine'] });
      await client.invalidateQueries({ queryKey: quotaKey });
    },
  });
}
