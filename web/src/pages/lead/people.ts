/** Names on the lead page: the users an SDR may see, and the reps its hand-offs picked by name. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { useOwnerName } from '../queue/user-names';
import { type Handoff, pickedRepName } from './lead-api';

export function useLeadHandoffs(leadId: string) {
  return useQuery({
    queryKey: ['lead', leadId, 'handoffs'],
    queryFn: () => api<{ items: Handoff[] }>('GET', `/leads/${leadId}/handoffs`),
    retry: false,
  });
}

export function usePersonName(leadId: string): (id: string | null) => string {
  const ownerName = useOwnerName();
  const handoffs = useLeadHandoffs(leadId);
  const reps = new Map<string, string>();
  for (const h of handoffs.data?.items ?? []) {
    const name = h.repId ? pickedRepName(h) : null;
    if (h.repId && name) reps.set(h.repId, name);
  }
  return (id) => (id && reps.get(id)) || ownerName(id);
}
