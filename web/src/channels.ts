/**
 * Channel names in the user's language (GET /channels carries `name` and `nameZh`): one cached
 * list for every screen that shows a channel id.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from './api';

export interface Channel {
  id: string;
  name: string;
  nameZh: string | null;
}

export const channelsQuery = queryOptions({
  queryKey: ['channels'],
  queryFn: () => api<{ items: Channel[] }>('GET', '/channels'),
  staleTime: 5 * 60_000,
});

export function useChannels() {
  return useQuery(channelsQuery);
}

/** `(id) => 搜索广告 / Search ads (SEM)`; an unknown id is shown as it is. */
export function useChannelName(): (id: string | null | undefined) => string | null {
  const { i18n } = useTranslation();
  const channels = useChannels();
  const byId = new Map((channels.data?.items ?? []).map((c) => [c.id, c]));
  return (id) => {
    if (!id) return null;
    const channel = byId.get(id);
    if (!channel) return id;
    return i18n.language === 'en' ? channel.name : (channel.nameZh ?? channel.name);
  };
}
