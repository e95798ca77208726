import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useFormat } from '../../format';
import { showFieldErrors } from '../../forms';
import { ErrorView } from '../ErrorView';
import { NotificationsDeliveryLog } from './NotificationsDeliveryLog';
import { useEventLabel, useEventOptions } from './NotificationsEvents';
import { NotificationsSendTest } from './NotificationsSendTest';

interface Webhook {
  id: string;
  url: string;
  events: string[];
  createdAt: string;
}
interface NewWebhook {
  url: string;
  events: string[];
  secret: string;
}
const webhooksKey = ['webhooks'];
const fields = ['url', 'events', 'secret'] as const;

/** Webhook subscriptions (GET/POST/DELETE /webhooks): send test and the delivery log per subscription. */
export function WebhookSettings() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const format = useFormat();
  const eventLabel = useEventLabel();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [logOf, setLogOf] = useState<Webhook | null>(null);
  const hooks = useQuery({ queryKey: webhooksKey, queryFn: () => api<{ items: Webhook[] }>('GET', '/webhooks') });
  const remove = useMutation({
    mutationFn: (id: string) => api('DELETE', `/webhooks/${id}`),
    onSuccess: () => {
      void message.success(t('settingsNotifications.removed'));
      void queryClient.invalidateQueries({ queryKey: webhooksKey });
    },
    onError: (e) => void message.error(e.message),
  });
  if (hooks.error) return <ErrorView error={hooks.error} />;
  return (
    <section aria-labelledby="webhooks-title">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} id="webhooks-title">
          {t('settingsNotifications.webhooks.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setAdding(true)}>
          {t('settingsNotifications.webhooks.add')}
        </Button>
      </Space>
      <Table<Webhook>
        rowKey="id"
        size="small"
        loading={hooks.isPending}
        dataSource={hooks.data?.items ?? []}
        locale={{ emptyText: <Typography.Text>{t('settingsNotifications.webhooks.empty')}</Typography.Text> }}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('settingsNotifications.url'), dataIndex: 'url', render: (u: string) => <code>{u}</code> },
          {
            title: t('settingsNotifications.events'),
            dataIndex: 'events',
            render: (events: string[]) => events.map(eventLabel).join('、'),
          },
          {
            title: t('settingsNotifications.createdAt'),
            dataIndex: 'createdAt',
            render: (v: string) => format.dateTime(v),
          },
          {
            title: t('settingsNotifications.actions'),
            key: 'actions',
            render: (_, w) => (
              <NotificationsSendTest path={`/webhooks/${w.id}`} name={w.url}>
                <Button
                  size="small"
                  onClick={() => setLogOf(w)}
                  aria-label={t('settingsNotifications.deliveriesAria', { name: w.url })}
                >
                  {t('settingsNotifications.deliveries')}
                </Button>
                <Popconfirm
                  title={t('settingsNotifications.removeConfirm')}
                  okText={t('common.actions.confirm')}
                  cancelText={t('common.actions.cancel')}
                  onConfirm={() => remove.mutate(w.id)}
                >
                  <Button size="small" danger aria-label={t('settingsNotifications.removeAria', { name: w.url })}>
                    {t('settingsNotifications.remove')}
                  </Button>
                </Popconfirm>
              </NotificationsSendTest>
            ),
          },
        ]}
      />
      <AddWebhook
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          void message.success(t('settingsNotifications.webhooks.added'));
          void queryClient.invalidateQueries({ queryKey: webhooksKey });
        }}
      />
      <NotificationsDeliveryLog
        path={logOf ? `/webhooks/${logOf.id}` : null}
        name={logOf?.url ?? ''}
        onClose={() => setLogOf(null)}
      />
    </section>
  );
}

function AddWebhook({ open, onClose, onAdded }: { open: boolean; onClose(): void; onAdded(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewWebhook>();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const eventOptions = useEventOptions();
  const add = useMutation({
    mutationFn: (v: NewWebhook) => api<Webhook>('POST', '/webhooks', v),
    onSuccess: () => {
      form.resetFields();
      setUnmatched([]);
      onAdded();
    },
    onError: (error) => setUnmatched(showFieldErrors(form, error, fields)),
  });
  const required = [{ required: true, message: t('settingsNotifications.required') }];
  return (
    <Modal
      title={t('settingsNotifications.webhooks.add')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.actions.save')}
      cancelText={t('common.actions.cancel')}
      confirmLoading={add.isPending}
      forceRender
    >
      {unmatched.length ? <Alert type="error" title={unmatched.join('; ')} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} name="add-webhook" layout="vertical" onFinish={(v) => add.mutate(v)}>
        <Form.Item name="url" label={t('settingsNotifications.url')} rules={required}>
          <Input placeholder="https://crm.example.cn/leadloop" autoComplete="off" />
        </Form.Item>
        <Form.Item name="events" label={t('settingsNotifications.events')} rules={required}>
          <Select mode="multiple" options={eventOptions} optionFilterProp="label" />
        </Form.Item>
        <Form.Item
          name="secret"
          label={t('settingsNotifications.webhooks.secret')}
          extra={t('settingsNotifications.webhooks.secretHelp')}
          rules={required}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
