import { Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { NotificationTargets, UrlAndEventsFields } from './NotificationTargets';

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
const fields = ['kind', 'name', 'url', 'events', 'secret'] as const;

/** Team-chat robots (GET/POST/DELETE /integrations/robots): send test and the delivery log per robot. */
export function RobotSettings() {
  const { t } = useTranslation();
  const nameOf = (r: Robot) => r.name ?? `${t(`settingsNotifications.robots.kinds.${r.kind}`)} ${r.url}`;
  return (
    <NotificationTargets<Robot, NewRobot>
      path="/integrations/robots"
      texts="settingsNotifications.robots"
      titleId="robots-title"
      style={{ marginTop: 32 }}
      nameOf={nameOf}
      columns={(events) => [
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
        events,
      ]}
      addForm={{
        name: 'add-robot',
        fields,
        save: (v: NewRobot) =>
          api<Robot>('POST', '/integrations/robots', {
            ...v,
            name: v.name?.trim() || undefined,
            secret: v.secret || undefined,
          }),
        initialValues: { kind: 'wecom', events: ['dispatch.requested', 'handoff.created'] },
        children: (
          <>
            <Form.Item name="kind" label={t('settingsNotifications.robots.kind')}>
              <Select options={kinds.map((k) => ({ value: k, label: t(`settingsNotifications.robots.kinds.${k}`) }))} />
            </Form.Item>
            <Form.Item name="name" label={t('settingsNotifications.robots.name')}>
              <Input maxLength={100} />
            </Form.Item>
            <UrlAndEventsFields placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" />
            <Form.Item
              name="secret"
              label={t('settingsNotifications.robots.secret')}
              extra={t('settingsNotifications.robots.secretHelp')}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        ),
      }}
    />
  );
}
