import { Alert, Button, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Prefetch } from '../../prefetch';
import { useMe } from '../../session';
import { ErrorView } from '../ErrorView';
import { AcceptedTable } from './AcceptedTable';
import { PendingTable } from './PendingTable';
import { handoffListQuery, useHandoffList } from './useHandoffList';

export const prefetch: Prefetch = (client) => {
  void client.prefetchInfiniteQuery(handoffListQuery('pending', 'due'));
  void client.prefetchInfiniteQuery(handoffListQuery('accepted', 'newest'));
};

function MoreButton({ list }: { list: ReturnType<typeof useHandoffList> }) {
  const { t } = useTranslation();
  if (!list.hasNextPage) return null;
  return (
    <Button style={{ marginTop: 16 }} disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
      {t('common.actions.more')}
    </Button>
  );
}

/**
 * The sales inbox (SPEC §6.1, issue 8 item 3): hand-offs waiting for the rep with their live SLA
 * countdown, and the accepted leads where opportunities are registered. GET /handoffs scopes the
 * list (a rep their own, a manager their team's).
 */
export default function InboxPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [notice, setNotice] = useState<string | null>(null);
  const pending = useHandoffList('pending', 'due');
  const accepted = useHandoffList('accepted', 'newest');
  const error = pending.error ?? accepted.error;
  if (error) return <ErrorView error={error} />;
  const showRep = me.data?.role !== 'sales';
  return (
    <section>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2}>{t('inbox.title')}</Typography.Title>
        <Space wrap>
          <Typography.Text type="secondary">{t('inbox.refreshed')}</Typography.Text>
          <Button
            onClick={() => {
              void pending.refetch();
              void accepted.refetch();
            }}
          >
            {t('common.actions.refresh')}
          </Button>
        </Space>
      </Space>
      {notice ? (
        <Alert type="success" title={notice} closable onClose={() => setNotice(null)} style={{ marginBottom: 16 }} />
      ) : null}
      <Tabs
        items={[
          {
            key: 'pending',
            label: t('inbox.tabs.pending', {
              count: pending.items.length,
              more: pending.hasNextPage ? '+' : '',
            }),
            children: (
              <>
                <PendingTable
                  items={pending.items}
                  loading={pending.isPending}
                  fetchedAt={pending.dataUpdatedAt}
                  showRep={showRep}
                />
                <MoreButton list={pending} />
              </>
            ),
          },
          {
            key: 'accepted',
            label: t('inbox.tabs.accepted'),
            children: (
              <>
                <AcceptedTable items={accepted.items} loading={accepted.isPending} onDone={setNotice} />
                <MoreButton list={accepted} />
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
