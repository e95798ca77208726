import { App as AntApp, Card, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api';
import { channelsQuery } from '../../channels';
import type { Prefetch } from '../../prefetch';
import { useMe } from '../../session';
import { MyLeads } from './MyLeads';
import { PoolFilterForm } from './PoolFilterForm';
import { PoolTable } from './PoolTable';
import { type PoolFilters, poolList, quotaQuery, type Segment, segmentsQuery } from './poolApi';
import { QuotaBar } from './QuotaBar';
import { SegmentBar } from './SegmentBar';
import { cursorPageQuery } from './useCursorPages';

const claims = (role: User['role'] | undefined) => role === 'sdr' || role === 'sdr_lead';

/** The first page of the whole pool, the segments, the channel names and (for a claimer) the quota. */
export const prefetch: Prefetch = (client, _pathname, user) => {
  const list = poolList({});
  void client.prefetchQuery(cursorPageQuery(list.key, list.fetchPage));
  void client.prefetchQuery(segmentsQuery);
  void client.prefetchQuery(channelsQuery);
  if (claims(user.role)) void client.prefetchQuery(quotaQuery);
};

type View = 'pool' | 'resurfaced' | 'mine';

/**
 * /pool (SPEC §7): the nurture pool with filters and saved segments, the re-surfaced leads
 * with their trigger, and the caller's own leads to release; claim within the limits shown.
 */
export default function PoolPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canClaim = claims(me.data?.role);
  const [view, setView] = useState<View>('pool');
  const [filters, setFilters] = useState<PoolFilters>({});
  const [segment, setSegment] = useState<Segment | undefined>();

  const applied: PoolFilters = { ...filters, resurfaced: view === 'resurfaced' ? true : undefined };
  const listing = (
    <>
      <Typography.Paragraph>
        {view === 'resurfaced' ? t('pool.resurfacedHint') : t('pool.poolHint')}
      </Typography.Paragraph>
      <Card size="small" title={t('pool.filters.title')} style={{ marginBottom: 16 }}>
        <PoolFilterForm
          shown={filters}
          onApply={(next) => {
            setSegment(undefined);
            setFilters(next);
          }}
          extra={
            <SegmentBar
              current={applied}
              selected={segment?.id}
              onPick={(picked) => {
                setSegment(picked);
                const { resurfaced: _, ...rest } = picked?.filters ?? {};
                setFilters(rest);
              }}
            />
          }
        />
      </Card>
      <PoolTable
        filters={segment ? { resurfaced: view === 'resurfaced' } : applied}
        segment={segment?.id}
        canClaim={canClaim}
      />
    </>
  );

  return (
    <AntApp component={false}>
      <section>
        <Typography.Title level={2}>{t('pool.title')}</Typography.Title>
        {canClaim ? <QuotaBar /> : null}
        <Tabs
          activeKey={view}
          onChange={(key) => setView(key as View)}
          items={[
            { key: 'pool', label: t('pool.views.pool'), children: view === 'pool' ? listing : null },
            { key: 'resurfaced', label: t('pool.views.resurfaced'), children: view === 'resurfaced' ? listing : null },
            ...(canClaim
              ? [{ key: 'mine', label: t('pool.views.mine'), children: view === 'mine' ? <MyLeads /> : null }]
              : []),
          ]}
        />
      </section>
    </AntApp>
  );
}
