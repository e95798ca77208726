/** Names of people by id, for roles that may list users (an SDR may not: ids then stand in). */
import { useTranslation } from 'react-i18next';
import { useMe } from '../../session';
import { useUsers } from '../../users';

const mayList = new Set(['admin', 'sales_ops', 'sdr_lead', 'sales_manager', 'sales_assistant']);

export function useOwnerName(): (ownerId: string | null) => string {
  const { t } = useTranslation();
  const me = useMe().data;
  const users = useUsers(!!me && mayList.has(me.role));
  const names = new Map((users.data?.items ?? []).map((u) => [u.id, u.name]));
  return (ownerId) => {
    if (!ownerId) return t('queue.owner.none');
    if (ownerId === me?.id) return t('queue.owner.me');
    return names.get(ownerId) ?? t('queue.owner.other', { id: ownerId.slice(0, 8) });
  };
}
