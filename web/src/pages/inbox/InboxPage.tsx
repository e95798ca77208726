import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useMe } from '../../session';
import { ErrorView } from '../ErrorView';
import { AcceptedTable } from './AcceptedTable';
import { ContrastTheme } from './ContrastTheme';
import { PendingTable } from './PendingTable';
import { type HandoffPage, REFETCH_MS } from './types';

/**
 * The sales inbox (SPEC §6.1, issue 8 item 3): hand-offs waiting for the rep with their live SLA
 * countdown, and the accepted leads where opportunities are registered. GET /handoffs scopes the
 * list (a rep their own, a manager their team's).
 */
export default function InboxPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [notice, setNotice] = useState<string | null>(null);
  const pending = useQuery({
    queryKey: ['handoffs', 'pending'],
    queryFn: () => api<HandoffPage>('GET', '/handoffs?state=pending&order=due&limit=200'),
    refetchInterval: REFETCH_MS,
  });
  const accepted = useQuery({
    queryKey: ['handoffs', 'accepted'],
    queryFn: () => api<HandoffPage>('GET', '/handoffs?state=accepted&order=newest&limit=200'),
    refetchInterval: REFETCH_MS,
  });
  const error = pending.error ?? accepted.error;
  if (error) return <ErrorView error={error} />;
  const showRep = me.data?.role !== 'sales';
  return (
    <ContrastTheme>
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
              label: t('inbox.tabs.pending', { count: pending.data?.items.length ?? 0 }),
              children: (
                <PendingTable
                  items={pending.data?.items ?? []}
                  loading={pending.isPending}
                  fetchedAt={pending.dataUpdatedAt}
                  showRep={showRep}
                />
              ),
            },
            {
              key: 'accepted',
              label: t('inbox.tabs.accepted'),
              children: (
                <AcceptedTable items={accepted.data?.items ?? []} loading={accepted.isPending} onDone={setNotice} />
              ),
            },
          ]}
        />
      </section>
    </ContrastTheme>
  );
}
