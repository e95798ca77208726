import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Drawer, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api';
import { useFormat } from '../format';

interface Notification {
  id: string;
  type: string;
  leadId: string | null;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

interface Inbox {
  items: Notification[];
  unreadCount: number;
}

const inboxKey = ['notifications'] as const;

function field(value: unknown, key: string): string | undefined {
  const inner = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof inner === 'string' ? inner : undefined;
}

/** Where a notification leads: its hand-off when it has one, else its lead. */
function targetOf(n: Notification): string | null {
  const handoffId = field(n.data.handoff, 'id');
  if (handoffId) return `/handoffs/${handoffId}`;
  return n.leadId ? `/leads/${n.leadId}` : null;
}

/** The bell in the header: unread count as a badge (kept live by live.ts), the latest in a drawer. */
export function NotificationBell() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const inbox = useQuery({ queryKey: inboxKey, queryFn: () => api<Inbox>('GET', '/inbox?limit=30') });
  const refresh = () => queryClient.invalidateQueries({ queryKey: inboxKey });
  const readOne = useMutation({ mutationFn: (id: string) => api('POST', `/inbox/${id}/read`), onSettled: refresh });
  const readAll = useMutation({ mutationFn: () => api('POST', '/inbox/read-all'), onSettled: refresh });
  const unread = inbox.data?.unreadCount ?? 0;

  return (
    <>
      <Badge count={unread} size="small" overflowCount={99}>
        <Button
          shape="circle"
          icon={<BellOutlined />}
          aria-label={unread ? t('notifications.openWithCount', { count: unread }) : t('notifications.open')}
          onClick={() => setOpen(true)}
        />
      </Badge>
      <Drawer
        title={t('notifications.title')}
        open={open}
        onClose={() => setOpen(false)}
        extra={
          <Button disabled={!unread} loading={readAll.isPending} onClick={() => readAll.mutate()}>
            {t('notifications.markAllRead')}
          </Button>
        }
      >
        <List<Notification>
          loading={inbox.isPending}
          dataSource={inbox.data?.items ?? []}
          locale={{ emptyText: t('notifications.empty') }}
          renderItem={(n) => {
            const target = targetOf(n);
            const lead = field(n.data.lead, 'name');
            const label = t(`notifications.types.${n.type}`, { defaultValue: n.type });
            return (
              <List.Item>
                <List.Item.Meta
                  title={
                    <>
                      {target ? (
                        <Link
                          to={target}
                          onClick={() => {
                            if (!n.readAt) readOne.mutate(n.id);
                            setOpen(false);
                          }}
                        >
                          {lead ? `${label} · ${lead}` : label}
                        </Link>
                      ) : (
                        <Typography.Text>{lead ? `${label} · ${lead}` : label}</Typography.Text>
                      )}
                      {n.readAt ? null : (
                        <Tag color="blue" style={{ marginInlineStart: 8 }}>
                          {t('notifications.unread')}
                        </Tag>
                      )}
                    </>
                  }
                  description={format.dateTime(n.createdAt)}
                />
              </List.Item>
            );
          }}
        />
      </Drawer>
    </>
  );
}
