import { Button, Input, Space } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../session';
import { useUsers } from '../../users';
import { NativeSelect } from './NativeSelect';
import { type QueueFilters, queuePriorities } from './queue-api';

/** The queue's filters: scope and size (asked of the API), priority and a search (on what came back). */
export function QueueFilterBar({
  filters,
  onChange,
}: {
  filters: QueueFilters;
  onChange: (filters: QueueFilters) => void;
}) {
  const { t } = useTranslation();
  const searchId = useId();
  const me = useMe().data;
  const lead = me?.role === 'sdr_lead' || me?.role === 'admin';
  const users = useUsers(lead);
  const sdrs = (users.data?.items ?? []).filter(
    (u) =>
      u.id !== me?.id &&
      u.active &&
      (u.role === 'sdr' || u.role === 'sdr_lead') &&
      (me?.role === 'admin' || u.teamId === me?.teamId),
  );
  const set = <K extends keyof QueueFilters>(key: K, value: QueueFilters[K]) => onChange({ ...filters, [key]: value });
  return (
    <Space wrap size="middle" role="group" aria-label={t('queue.filters.title')}>
      {lead && sdrs.length ? (
        <NativeSelect label={t('queue.filters.sdr')} value={filters.sdrId} onChange={(v) => set('sdrId', v)}>
          <option value="">{t('queue.filters.mine')}</option>
          {sdrs.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </NativeSelect>
      ) : null}
      <NativeSelect label={t('queue.filters.scope')} value={filters.scope} onChange={(v) => set('scope', v)}>
        <option value="all">{t('queue.filters.scopeAll')}</option>
        <option value="own">{t('queue.filters.scopeOwn')}</option>
      </NativeSelect>
      <NativeSelect label={t('queue.filters.sort')} value={filters.sort ?? 'score'} onChange={(v) => set('sort', v)}>
        <option value="score">{t('queue.filters.sortScore')}</option>
        <option value="predicted">{t('queue.filters.sortPredicted')}</option>
      </NativeSelect>
      <NativeSelect
        label={t('queue.filters.priority')}
        value={filters.priority}
        onChange={(v) => set('priority', v as QueueFilters['priority'])}
      >
        <option value="">{t('queue.filters.anyPriority')}</option>
        {queuePriorities.map((p) => (
          <option key={p} value={p}>
            {t(`queue.priority.${p}`)}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        label={t('queue.filters.limit')}
        value={String(filters.limit)}
        onChange={(v) => set('limit', Number(v))}
      >
        {[50, 100, 200].map((n) => (
          <option key={n} value={String(n)}>
            {n}
          </option>
        ))}
      </NativeSelect>
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
        <label htmlFor={searchId}>{t('queue.filters.search')}</label>
        <Input
          id={searchId}
          allowClear
          value={filters.search}
          placeholder={t('queue.filters.searchPlaceholder')}
          onChange={(e) => set('search', e.target.value)}
          style={{ width: 220 }}
        />
      </span>
      <Button onClick={() => onChange({ ...filters, priority: '', search: '' })}>{t('common.actions.reset')}</Button>
    </Space>
  );
}
