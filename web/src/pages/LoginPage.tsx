import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api, type User } from '../api';
import { LanguageSelect } from '../LanguageSelect';
import { meKey, safeNext, useMe } from '../session';

export default function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (me.data) return <Navigate to={next} replace />;

  async function submit(values: { email: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      const { user } = await api<{ user: User }>('POST', '/auth/login', values);
      queryClient.setQueryData(meKey, user);
      navigate(next, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.status === 429) setError(t('login.throttled', { seconds: e.retryAfter ?? 60 }));
      else if (e instanceof ApiError && e.status === 401) setError(t('login.invalid'));
      else setError(t('errors.generic'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login-page">
      <div className="login-language">
        <LanguageSelect />
      </div>
      <Card className="login-card">
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          {t('login.title')}
        </Typography.Title>
        {params.get('next') && !error ? (
          <Alert type="info" title={t('login.expired')} style={{ marginBottom: 16 }} />
        ) : null}
        {error ? <Alert type="error" role="alert" title={error} style={{ marginBottom: 16 }} /> : null}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            label={t('login.email')}
            name="email"
            rules={[{ required: true, message: t('login.emailRequired') }]}
          >
            <Input type="email" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
