import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Checkbox, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api';
import { useFormat } from '../../format';
import { clearFieldErrors, showFieldErrors } from '../../forms';
import { ErrorView } from '../ErrorView';
import { eventTypes, useEventOptions } from './NotificationsEvents';

interface Smtp {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  passwordSet: boolean;
  from: string;
  events: string[];
  updatedAt: string;
}
interface SmtpForm {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
  events?: string[];
}
const smtpKey = ['smtp'];
const fields = ['host', 'port', 'secure', 'user', 'password', 'from', 'events'] as const;

/** The SMTP server for e-mail notifications (GET/PUT/DELETE /integrations/smtp); 404 = not set. */
export function NotificationsSmtp() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const format = useFormat();
  const queryClient = useQueryClient();
  const eventOptions = useEventOptions();
  const [form] = Form.useForm<SmtpForm>();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const smtp = useQuery({
    queryKey: smtpKey,
    queryFn: async () => {
      try {
        return await api<Smtp>('GET', '/integrations/smtp');
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });
  useEffect(() => {
    if (smtp.data === undefined) return;
    if (smtp.data === null) form.resetFields();
    else
      form.setFieldsValue({
        ...smtp.data,
        user: smtp.data.user ?? '',
        password: '',
        // Every event is what "none chosen" means: shown as none.
        events: smtp.data.events.length >= eventTypes.length ? [] : smtp.data.events,
      });
  }, [smtp.data, form]);
  const save = useMutation({
    mutationFn: (v: SmtpForm) =>
      api<Smtp>('PUT', '/integrations/smtp', {
        host: v.host ?? '',
        port: v.port,
        secure: v.secure ?? false,
        user: v.user?.trim() || null,
        ...(v.password ? { password: v.password } : {}),
        from: v.from ?? '',
        ...(v.events?.length ? { events: v.events } : {}),
      }),
    onSuccess: (saved) => {
      setUnmatched([]);
      clearFieldErrors(form);
      void message.success(t('settingsNotifications.smtp.saved'));
      queryClient.setQueryData(smtpKey, saved);
    },
    onError: (error) => setUnmatched(showFieldErrors(form, error, fields)),
  });
  const remove = useMutation({
    mutationFn: () => api('DELETE', '/integrations/smtp'),
    onSuccess: () => {
      void message.success(t('settingsNotifications.smtp.removed'));
      queryClient.setQueryData(smtpKey, null);
    },
    onError: (e) => void message.error(e.message),
  });
  if (smtp.error) return <ErrorView error={smtp.error} />;
  return (
    <section aria-labelledby="smtp-title" style={{ marginTop: 32, maxWidth: 640 }}>
      <Typography.Title level={3} id="smtp-title">
        {t('settingsNotifications.smtp.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {smtp.data
          ? t('settingsNotifications.smtp.updatedAt', { at: format.dateTime(smtp.data.updatedAt) })
          : t('settingsNotifications.smtp.notSet')}
      </Typography.Paragraph>
      {unmatched.length ? <Alert type="error" title={unmatched.join('; ')} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        name="smtp"
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        disabled={smtp.isPending}
        initialValues={{ port: 465, secure: true }}
      >
        <Space align="start" wrap>
          <Form.Item name="host" label={t('settingsNotifications.smtp.host')} style={{ minWidth: 280 }}>
            <Input placeholder="smtp.exmail.qq.com" />
          </Form.Item>
          <Form.Item name="port" label={t('settingsNotifications.smtp.port')}>
            <InputNumber min={1} max={65535} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item name="secure" valuePropName="checked">
          <Checkbox>{t('settingsNotifications.smtp.secure')}</Checkbox>
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item name="user" label={t('settingsNotifications.smtp.user')} style={{ minWidth: 240 }}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('settingsNotifications.smtp.password')}
            extra={smtp.data?.passwordSet ? t('settingsNotifications.smtp.passwordKept') : undefined}
            style={{ minWidth: 240 }}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Space>
        <Form.Item name="from" label={t('settingsNotifications.smtp.from')}>
          <Input placeholder="LeadLoop <leadloop@example.cn>" />
        </Form.Item>
        <Form.Item name="events" label={t('settingsNotifications.smtp.events')}>
          <Select mode="multiple" options={eventOptions} optionFilterProp="label" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('settingsNotifications.smtp.save')}
          </Button>
          {smtp.data ? (
            <Button danger loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('settingsNotifications.smtp.remove')}
            </Button>
          ) : null}
        </Space>
      </Form>
    </section>
  );
}
