import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { showFieldErrors } from '../../forms';
import { ErrorView } from '../ErrorView';
import { NotificationsDeliveryLog } from './NotificationsDeliveryLog';
import { useEventLabel, useEventOptions } from './NotificationsEvents';
import { NotificationsSendTest } from './NotificationsSendTest';

const kinds = ['wecom', 'dingtalk', 'feishu', 'slack'] as const;
type Kind = (typeof kinds)[number];
interface Robot {
  id: string;
  kind: Kind;
  name: string | null;
  url: string;
  events: string[];
  signed: boolean;
  createdAt: string;
}
interface NewRobot {
  kind: Kind;
  name?: string;
  url: string;
  events: string[];
  secret?: string;
}
const robotsKey = ['robots'];
const fields = ['kind', 'name', 'url', 'events', 'secret'] as const;

/** Team-chat robots (GET/POST/DELETE /integrations/robots): send test and the delivery log per robot. */
export function RobotSettings() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const eventLabel = useEventLabel();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [logOf, setLogOf] = useState<Robot | null>(null);
  const robots = useQuery({
    queryKey: robotsKey,
    queryFn: () => api<{ items: Robot[] }>('GET', '/integrations/robots'),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api('DELETE', `/integrations/robots/${id}`),
    onSuccess: () => {
      void message.success(t('settingsNotifications.removed'));
      void queryClient.invalidateQueries({ queryKey: robotsKey });
    },
    onError: (e) => void message.error(e.message),
  });
  const nameOf = (r: Robot) => r.name ?? `${t(`settingsNotifications.robots.kinds.${r.kind}`)} ${r.url}`;
  if (robots.error) return <ErrorView error={robots.error} />;
  return (
    <section aria-labelledby="robots-title" style={{ marginTop: 32 }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} id="robots-title">
          {t('settingsNotifications.robots.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setAdding(true)}>
          {t('settingsNotifications.robots.add')}
        </Button>
      </Space>
      <Table<Robot>
        rowKey="id"
        size="small"
        loading={robots.isPending}
        dataSource={robots.data?.items ?? []}
        locale={{ emptyText: <Typography.Text>{t('settingsNotifications.robots.empty')}</Typography.Text> }}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('settingsNotifications.robots.kind'),
            dataIndex: 'kind',
            render: (k: Kind, r) => (
              <Space size={4}>
                {t(`settingsNotifications.robots.kinds.${k}`)}
                {r.signed ? <Tag>{t('settingsNotifications.robots.signed')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('settingsNotifications.robots.name'), dataIndex: 'name', render: (n) => n ?? t('common.none') },
          {
            title: t('settingsNotifications.url'),
            dataIndex: 'url',
            render: (u: string) => (
              <Typography.Text code style={{ maxWidth: 220 }} ellipsis={{ tooltip: u }}>
                {u}
              </Typography.Text>
            ),
          },
          {
            title: t('settingsNotifications.events'),
            dataIndex: 'events',
            render: (events: string[]) => events.map(eventLabel).join('、'),
          },
          {
            title: t('settingsNotifications.actions'),
            key: 'actions',
            render: (_, r) => (
              <NotificationsSendTest path={`/integrations/robots/${r.id}`} name={nameOf(r)}>
                <Button
                  size="small"
                  onClick={() => setLogOf(r)}
                  aria-label={t('settingsNotifications.deliveriesAria', { name: nameOf(r) })}
                >
                  {t('settingsNotifications.deliveries')}
                </Button>
                <Popconfirm
                  title={t('settingsNotifications.removeConfirm')}
                  okText={t('common.actions.confirm')}
                  cancelText={t('common.actions.cancel')}
                  onConfirm={() => remove.mutate(r.id)}
                >
                  <Button size="small" danger aria-label={t('settingsNotifications.removeAria', { name: nameOf(r) })}>
                    {t('settingsNotifications.remove')}
                  </Button>
                </Popconfirm>
              </NotificationsSendTest>
            ),
          },
        ]}
      />
      <AddRobot
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          void message.success(t('settingsNotifications.robots.added'));
          void queryClient.invalidateQueries({ queryKey: robotsKey });
        }}
      />
      <NotificationsDeliveryLog
        path={logOf ? `/integrations/robots/${logOf.id}` : null}
        name={logOf ? nameOf(logOf) : ''}
        onClose={() => setLogOf(null)}
      />
    </section>
  );
}

function AddRobot({ open, onClose, onAdded }: { open: boolean; onClose(): void; onAdded(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewRobot>();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const eventOptions = useEventOptions();
  const add = useMutation({
    mutationFn: (v: NewRobot) =>
      api<Robot>('POST', '/integrations/robots', {
        ...v,
        name: v.name?.trim() || undefined,
        secret: v.secret || undefined,
      }),
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
      title={t('settingsNotifications.robots.add')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.actions.save')}
      cancelText={t('common.actions.cancel')}
      confirmLoading={add.isPending}
      forceRender
    >
      {unmatched.length ? <Alert type="error" title={unmatched.join('; ')} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        name="add-robot"
        layout="vertical"
        onFinish={(v) => add.mutate(v)}
        initialValues={{ kind: 'wecom', events: ['dispatch.requested', 'handoff.created'] }}
      >
        <Form.Item name="kind" label={t('settingsNotifications.robots.kind')}>
          <Select options={kinds.map((k) => ({ value: k, label: t(`settingsNotifications.robots.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('settingsNotifications.robots.name')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="url" label={t('settingsNotifications.url')} rules={required}>
          <Input placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" autoComplete="off" />
        </Form.Item>
        <Form.Item name="events" label={t('settingsNotifications.events')} rules={required}>
          <Select mode="multiple" options={eventOptions} optionFilterProp="label" />
        </Form.Item>
        <Form.Item
          name="secret"
          label={t('settingsNotifications.robots.secret')}
          extra={t('settingsNotifications.robots.secretHelp')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
