import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useFormat } from '../../format';
import { useEventOptions } from './NotificationsEvents';
import { NotificationTargets } from './NotificationTargets';

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
const fields = ['url', 'events', 'secret'] as const;

/** Webhook subscriptions (GET/POST/DELETE /webhooks): send test and the delivery log per subscription. */
export function WebhookSettings() {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <NotificationTargets<Webhook>
      path="/webhooks"
      texts="settingsNotifications.webhooks"
      titleId="webhooks-title"
      nameOf={(w) => w.url}
      columns={(events) => [
        { title: t('settingsNotifications.url'), dataIndex: 'url', render: (u: string) => <code>{u}</code> },
        events,
        {
          title: t('settingsNotifications.createdAt'),
          dataIndex: 'createdAt',
          render: (v: string) => format.dateTime(v),
        },
      ]}
      addForm={(props) => <AddWebhook {...props} />}
    />
  );
}

function AddWebhook({ open, onClose, onAdded }: { open: boolean; onClose(): void; onAdded(): void }) {
  const { t } = useTranslation();
  const eventOptions = useEventOptions();
  const required = [{ required: true, message: t('settingsNotifications.required') }];
  return (
    <FormModal<NewWebhook, Webhook>
      title={t('settingsNotifications.webhooks.add')}
      open={open}
      onClose={onClose}
      onSaved={onAdded}
      name="add-webhook"
      fields={fields}
      save={(v) => api<Webhook>('POST', '/webhooks', v)}
    >
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
    </FormModal>
  );
}
