/** Names on the lead page: the users an SDR may see, and the reps its hand-offs picked by name. */
import { useQuery } from '@tanstack/react-query';
import { useOwnerName } from '../queue/user-names';
import { type Handoff, leadPartQuery, pickedRepName } from './lead-api';

export function useLeadHandoffs(leadId: string) {
  return useQuery(leadPartQuery<{ items: Handoff[] }>(leadId, 'handoffs'));
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
