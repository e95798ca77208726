import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Form, InputNumber, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useChannelName, useChannels } from '../../channels';
import { clearFieldErrors, showFieldErrors } from '../../forms';
import { prefetchedFreshMs } from '../../prefetch';
import { ErrorView } from '../ErrorView';
import { CalendarYears } from './CalendarYears';

interface SlaPolicy {
  acceptance: { hours: number; clock: Clock; reminderBeforeHours: number; recallAfterBreachHours: number | null };
  penalty: { consecutiveBreaches: number; suspensionMonths: number };
  speedToLead: { minutes: number | null; clock: Clock; exemptChannels: string[] };
  recall: { days: number; clock: Clock; warningDays: number };
}
type Clock = 'wall' | 'business';
interface SlaSettingsBody {
  version: number;
  policy: SlaPolicy;
  savedAt: string | null;
}

const sections = ['acceptance', 'penalty', 'speedToLead', 'recall'] as const;

export const slaPolicyQuery = queryOptions({
  queryKey: ['sla-policy'],
  queryFn: () => api<SlaSettingsBody>('GET', '/sla/policy'),
  staleTime: prefetchedFreshMs,
});

/** Settings → SLA: the policy of SPEC §6.2 as a form (PUT /sla/policy saves a version), and the calendars. */
export function SlaSettings() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SlaPolicy>();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const settings = useQuery(slaPolicyQuery);
  const channels = useChannels();
  const channelName = useChannelName();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data.policy);
  }, [settings.data, form]);

  const save = useMutation({
    mutationFn: (policy: SlaPolicy) => api<SlaSettingsBody>('PUT', '/sla/policy', { policy }),
    onSuccess: (saved) => {
      setUnmatched([]);
      clearFieldErrors(form);
      void message.success(t('settings.slaPolicy.saved', { version: saved.version }));
      queryClient.setQueryData(['sla-policy'], saved);
    },
    // Field errors come as policy.acceptance.hours: the form's names start at acceptance.
    onError: (error) => setUnmatched(showFieldErrors(form, error, sections, 'policy')),
  });

  if (settings.error) return <ErrorView error={settings.error} />;
  const clockOptions = (['wall', 'business'] as const).map((c) => ({ value: c, label: t(`settings.slaPolicy.${c}`) }));
  const clockField = (section: 'acceptance' | 'speedToLead' | 'recall') => (
    <Form.Item name={[section, 'clock']} label={t('settings.slaPolicy.clock')}>
      <Select options={clockOptions} style={{ minWidth: 240 }} />
    </Form.Item>
  );
  return (
    <>
      <Typography.Title level={3}>{t('settings.slaPolicy.title')}</Typography.Title>
      <Typography.Paragraph>
        {settings.data
          ? settings.data.version
            ? t('settings.slaPolicy.version', { version: settings.data.version })
            : t('settings.slaPolicy.defaults')
          : null}
      </Typography.Paragraph>
      {unmatched.length ? <Alert type="error" title={unmatched.join('; ')} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        name="sla-policy"
        layout="vertical"
        onFinish={(policy) => save.mutate(policy)}
        disabled={settings.isPending}
      >
        <Space align="start" wrap size="large">
          <Card title={t('settings.slaPolicy.acceptance')} size="small">
            <Form.Item name={['acceptance', 'hours']} label={t('settings.slaPolicy.acceptanceHours')}>
              <InputNumber />
            </Form.Item>
            {clockField('acceptance')}
            <Form.Item name={['acceptance', 'reminderBeforeHours']} label={t('settings.slaPolicy.reminderBeforeHours')}>
              <InputNumber />
            </Form.Item>
            <Form.Item
              name={['acceptance', 'recallAfterBreachHours']}
              label={t('settings.slaPolicy.recallAfterBreachHours')}
            >
              <InputNumber />
            </Form.Item>
          </Card>
          <Card title={t('settings.slaPolicy.penalty')} size="small">
            <Form.Item name={['penalty', 'consecutiveBreaches']} label={t('settings.slaPolicy.consecutiveBreaches')}>
              <InputNumber precision={0} />
            </Form.Item>
            <Form.Item name={['penalty', 'suspensionMonths']} label={t('settings.slaPolicy.suspensionMonths')}>
              <InputNumber precision={0} />
            </Form.Item>
          </Card>
          <Card title={t('settings.slaPolicy.speedToLead')} size="small">
            <Form.Item name={['speedToLead', 'minutes']} label={t('settings.slaPolicy.speedMinutes')}>
              <InputNumber precision={0} />
            </Form.Item>
            {clockField('speedToLead')}
            <Form.Item name={['speedToLead', 'exemptChannels']} label={t('settings.slaPolicy.exemptChannels')}>
              <Select
                mode="multiple"
                style={{ minWidth: 240 }}
                options={(channels.data?.items ?? []).map((c) => ({ value: c.id, label: channelName(c.id) }))}
              />
            </Form.Item>
          </Card>
          <Card title={t('settings.slaPolicy.recall')} size="small">
            <Form.Item name={['recall', 'days']} label={t('settings.slaPolicy.recallDays')}>
              <InputNumber />
            </Form.Item>
            {clockField('recall')}
            <Form.Item name={['recall', 'warningDays']} label={t('settings.slaPolicy.warningDays')}>
              <InputNumber />
            </Form.Item>
          </Card>
        </Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 16 }}>
          {t('settings.slaPolicy.save')}
        </Button>
      </Form>
      <CalendarYears />
    </>
  );
}
