import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { deliveriesKey } from './NotificationsDeliveryLog';

interface TestResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** "发送测试 / Send test": POST {path}/test, the receiver's answer shown under the row's buttons (children). */
export function NotificationsSendTest({ path, name, children }: { path: string; name: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const send = useMutation({
    mutationFn: () => api<TestResult>('POST', `${path}/test`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: deliveriesKey(path) }),
  });
  const r = send.data;
  return (
    <Space orientation="vertical" size={2}>
      <Space size={4}>
        <Button
          size="small"
          loading={send.isPending}
          onClick={() => send.mutate()}
          aria-label={t('settingsNotifications.sendTestAria', { name })}
        >
          {t('settingsNotifications.sendTest')}
        </Button>
        {children}
      </Space>
      <div role="status" aria-live="polite">
        {r && !send.isPending ? (
          <Typography.Text style={{ fontSize: 12 }}>
            <Tag color={r.ok ? 'green' : 'red'} style={{ marginInlineEnd: 4 }}>
              {r.ok ? '✓' : '✗'}
            </Tag>
            {r.ok
              ? t('settingsNotifications.testOk', { status: r.statusCode, ms: r.durationMs })
              : t('settingsNotifications.testFailed', {
                  status: r.statusCode ? ` (HTTP ${r.statusCode})` : '',
                  error: r.error ?? '',
                })}
          </Typography.Text>
        ) : null}
        {send.error ? (
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            {send.error.message}
          </Typography.Text>
        ) : null}
      </div>
    </Space>
  );
}
