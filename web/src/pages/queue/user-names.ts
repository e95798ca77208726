/** Names of people by id, from the colleague directory every role may read. */
import { useTranslation } from 'react-i18next';
import { useMe } from '../../session';
import { useColleagues } from '../../users';

export function useOwnerName(): (ownerId: string | null) => string {
  const { t } = useTranslation();
  const me = useMe().data;
  const colleagues = useColleagues();
  const names = new Map((colleagues.data?.items ?? []).map((u) => [u.id, u.name]));
  return (ownerId) => {
    if (!ownerId) return t('queue.owner.none');
    if (ownerId === me?.id) return t('queue.owner.me');
    return names.get(ownerId) ?? t('queue.owner.other', { id: ownerId.slice(0, 8) });
  };
}
