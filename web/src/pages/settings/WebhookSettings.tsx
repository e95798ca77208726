import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useFormat } from '../../format';
import { NotificationTargets, UrlAndEventsFields } from './NotificationTargets';

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
    <NotificationTargets<Webhook, NewWebhook>
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
      addForm={{
        name: 'add-webhook',
        fields,
        save: (v: NewWebhook) => api<Webhook>('POST', '/webhooks', v),
        children: (
          <>
            <UrlAndEventsFields placeholder="https://crm.example.cn/leadloop" />
            <Form.Item
              name="secret"
              label={t('settingsNotifications.webhooks.secret')}
              extra={t('settingsNotifications.webhooks.secretHelp')}
              rules={[{ required: true, message: t('settingsNotifications.required') }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        ),
      }}
    />
  );
}
