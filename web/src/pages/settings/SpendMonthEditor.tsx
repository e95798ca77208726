import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Form, Input, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useChannelName, useChannels } from '../../channels';
import { MonthSection } from '../../components/MonthSection';
import { useFormat } from '../../format';
import { clearFieldErrors, showFieldErrors } from '../../forms';
import { ErrorView } from '../ErrorView';

export interface SpendItem {
  month: string;
  channel: string;
  campaign: string | null;
  amount: number;
}
interface SpendRow {
  channel?: string;
  campaign?: string;
  amount?: string;
}
interface SpendForm {
  items: SpendRow[];
}

export const spendKey = (month: string) => ['spend', month];

/** One month's spend per channel and campaign as an editable table (GET /spend, PUT /spend/{yyyy-mm}). */
export function SpendMonthEditor() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const format = useFormat();
  const queryClient = useQueryClient();
  const channels = useChannels();
  const channelName = useChannelName();
  const [form] = Form.useForm<SpendForm>();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  const key = month.format('YYYY-MM');
  const spend = useQuery({
    queryKey: spendKey(key),
    queryFn: () => api<{ items: SpendItem[]; total: number }>('GET', `/spend?from=${key}&to=${key}`),
  });
  useEffect(() => {
    if (!spend.data) return;
    clearFieldErrors(form);
    setUnmatched([]);
    form.setFieldsValue({
      items: spend.data.items.map((i) => ({
        channel: i.channel,
        campaign: i.campaign ?? '',
        amount: String(i.amount),
      })),
    });
  }, [spend.data, form]);
  const save = useMutation({
    mutationFn: (values: SpendForm) =>
      api<{ month: string; items: SpendItem[]; total: number }>('PUT', `/spend/${key}`, {
        items: (values.items ?? []).map((r) => ({
          channel: r.channel ?? '',
          campaign: r.campaign?.trim() || null,
          amount: (r.amount ?? '').trim(),
        })),
      }),
    onSuccess: (saved) => {
      setUnmatched([]);
      clearFieldErrors(form);
      void message.success(t('settingsChannels.spend.saved', { month: saved.month, total: format.money(saved.total) }));
      void queryClient.invalidateQueries({ queryKey: ['spend'] });
    },
    onError: (error) => setUnmatched(showFieldErrors(form, error, ['items'])),
  });
  const channelOptions = (channels.data?.items ?? []).map((c) => ({ value: c.id, label: channelName(c.id) }));

  return (
    <MonthSection
      id={{ title: 'spend-title', picker: 'spend-month-picker' }}
      title={t('settingsChannels.spend.title')}
      style={{ marginTop: 32 }}
      monthLabel={t('settingsChannels.spend.month')}
      month={month}
      onMonth={setMonth}
      extra={
        <Form.Item>
          <Typography.Text strong>
            {t('settingsChannels.spend.total', { total: format.money(spend.data?.total ?? 0) })}
          </Typography.Text>
        </Form.Item>
      }
    >
      {spend.error ? <ErrorView error={spend.error} /> : null}
      {unmatched.length ? <Alert type="error" title={unmatched.join('; ')} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} name="spend-month" onFinish={(v) => save.mutate(v)} disabled={spend.isPending}>
        <Form.List name="items">
          {(rows, { add, remove }) => (
            <>
              {rows.length === 0 ? (
                <Typography.Paragraph type="secondary">{t('settingsChannels.spend.empty')}</Typography.Paragraph>
              ) : null}
              {rows.map((row, i) => (
                <Space key={row.key} align="start" wrap className="spend-row">
                  <Form.Item name={[row.name, 'channel']} label={t('settingsChannels.spend.channel')}>
                    <Select options={channelOptions} style={{ width: 200 }} showSearch optionFilterProp="label" />
                  </Form.Item>
                  <Form.Item name={[row.name, 'campaign']} label={t('settingsChannels.spend.campaign')}>
                    <Input placeholder={t('settingsChannels.spend.campaignPlaceholder')} style={{ width: 240 }} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'amount']} label={t('settingsChannels.spend.amount')}>
                    <Input inputMode="decimal" style={{ width: 140 }} />
                  </Form.Item>
                  <Button
                    onClick={() => remove(row.name)}
                    aria-label={t('settingsChannels.spend.removeAria', { row: i + 1 })}
                  >
                    {t('settingsChannels.spend.remove')}
                  </Button>
                </Space>
              ))}
              <Space>
                <Button onClick={() => add({ campaign: '', amount: '' })}>{t('settingsChannels.spend.addRow')}</Button>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  {t('settingsChannels.spend.save')}
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </MonthSection>
  );
}
