import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, fieldMessage } from '../api';

interface Values {
  current: string;
  password: string;
  confirm: string;
}

/** Change one's own password (PUT /users/me/password); the API's field errors show at the field. */
export default function AccountPage() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: Values) {
    setBusy(true);
    setDone(false);
    setError(null);
    try {
      await api('PUT', '/users/me/password', { current: values.current, password: values.password });
      form.resetFields();
      setDone(true);
    } catch (e) {
      const fieldErrors = e instanceof ApiError ? (e.problem?.errors ?? []) : [];
      const known = fieldErrors.filter((f) => f.field === 'current' || f.field === 'password');
      if (known.length) {
        form.setFields(
          known.map((f) => ({
            name: f.field as 'current' | 'password',
            errors: [f.field === 'current' ? t('account.wrongCurrent') : fieldMessage(f, i18n.language)],
          })),
        );
      } else setError(e instanceof ApiError && e.problem?.detail ? e.problem.detail : t('errors.generic'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section style={{ maxWidth: 420 }}>
      <Typography.Title level={2}>{t('account.title')}</Typography.Title>
      <Typography.Title level={3}>{t('account.changePassword')}</Typography.Title>
      {done ? <Alert type="success" title={t('account.changed')} style={{ marginBottom: 16 }} /> : null}
      {error ? <Alert type="error" title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          label={t('account.current')}
          name="current"
          rules={[{ required: true, message: t('account.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('account.newPassword')}
          name="password"
          rules={[
            { required: true, message: t('account.required') },
            { min: 8, message: t('account.tooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('account.confirm')}
          name="confirm"
          dependencies={['password']}
          rules={[
            { required: true, message: t('account.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('account.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('account.submit')}
        </Button>
      </Form>
    </section>
  );
}
