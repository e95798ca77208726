import { useQuery } from '@tanstack/react-query';
import { Button, Modal, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useFormat } from '../../format';
import { ErrorView } from '../ErrorView';
import { useEventLabel } from './NotificationsEvents';

interface Delivery {
  id: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  log: {
    attempt: number;
    ok: boolean;
    statusCode: number | null;
    error: string | null;
    durationMs: number;
    at: string;
  }[];
}

/** `/webhooks/{id}` → the query key of its delivery log. */
export const deliveriesKey = (path: string) => ['deliveries', path];

const statusColor = { pending: 'gold', delivered: 'green', failed: 'red' } as const;

/** The delivery log of one webhook or robot (GET {path}/deliveries): each message, its state and every attempt. */
export function NotificationsDeliveryLog({
  path,
  name,
  onClose,
}: {
  path: string | null;
  name: string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const eventLabel = useEventLabel();
  const log = useQuery({
    queryKey: deliveriesKey(path ?? ''),
    queryFn: () => api<{ items: Delivery[]; nextCursor: string | null }>('GET', `${path}/deliveries?limit=100`),
    enabled: path !== null,
  });
  return (
    <Modal
      title={t('settingsNotifications.deliveriesTitle', { name })}
      open={path !== null}
      onCancel={onClose}
      footer={
        <>
          <Button onClick={() => void log.refetch()}>{t('common.actions.refresh')}</Button>
          <Button type="primary" onClick={onClose}>
            {t('common.actions.confirm')}
          </Button>
        </>
      }
      width={960}
    >
      {log.error ? <ErrorView error={log.error} /> : null}
      <Table<Delivery>
        rowKey="id"
        size="small"
        loading={log.isFetching}
        dataSource={log.data?.items ?? []}
        locale={{ emptyText: <Typography.Text>{t('settingsNotifications.log.empty')}</Typography.Text> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('settingsNotifications.log.time'),
            dataIndex: 'createdAt',
            render: (v: string) => format.dateTime(v),
          },
          { title: t('settingsNotifications.log.event'), dataIndex: 'eventType', render: (v: string) => eventLabel(v) },
          {
            title: t('settingsNotifications.log.status'),
            dataIndex: 'status',
            render: (s: Delivery['status']) => (
              <Tag color={statusColor[s]}>{t(`settingsNotifications.log.statuses.${s}`)}</Tag>
            ),
          },
          { title: t('settingsNotifications.log.attempts'), dataIndex: 'attempts' },
          {
            title: t('settingsNotifications.log.nextAttempt'),
            dataIndex: 'nextAttemptAt',
            render: (v: string | null) => format.dateTime(v),
          },
          {
            title: t('settingsNotifications.log.lastError'),
            dataIndex: 'lastError',
            render: (v: string | null) => (
              <Typography.Text style={{ maxWidth: 260, display: 'inline-block' }} ellipsis={{ tooltip: v }}>
                {v ?? t('common.none')}
              </Typography.Text>
            ),
          },
          {
            title: t('settingsNotifications.log.lines'),
            key: 'log',
            render: (_, d) => (
              <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                {d.log.map((a) => (
                  <li key={a.attempt}>
                    {t('settingsNotifications.log.line', {
                      attempt: a.attempt,
                      at: format.dateTime(a.at),
                      result: a.statusCode
                        ? `HTTP ${a.statusCode}`
                        : (a.error ?? t('settingsNotifications.log.noAnswer')),
                      ms: a.durationMs,
                    })}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </Modal>
  );
}
