/**
 * Live updates (issue 8 item 9): one EventSource on GET /api/v1/live per signed-in console.
 * When the server says something of the user's happened, the screens that show such things
 * (notifications, hand-offs, queue, pool, dispatch) refetch — no reload. The browser
 * reconnects on its own after a drop (the stream sets `retry`).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/** Query keys (first element) of the screens that change with events. */
export const liveQueryRoots = new Set(['notifications', 'handoffs', 'handoff', 'queue', 'pool', 'dispatches', 'lead']);

export function useLiveUpdates(enabled: boolean): { connected: boolean } {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource('/api/v1/live');
    source.addEventListener('ready', () => setConnected(true));
    source.addEventListener('notification', () => {
      void queryClient.invalidateQueries({ predicate: (q) => liveQueryRoots.has(String(q.queryKey[0])) });
    });
    source.onerror = () => setConnected(false);
    return () => source.close();
  }, [enabled, queryClient]);
  return { connected };
}
