/**
 * /dashboard (issue 8 item 6, SPEC §8): the funnel, channel economics, sales responsiveness
 * and SDR scorecards for one period, the funnel sliced by a dimension; every table exports CSV.
 */
import { DatePicker, Form, Radio, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { channelsQuery } from '../../channels';
import type { Prefetch } from '../../prefetch';
import { ChannelsTab } from './ChannelsTab';
import { FunnelTab } from './FunnelTab';
import { ResponsivenessTab } from './ResponsivenessTab';
import { type FunnelDimension, type FunnelReport, funnelDimensions, type Period, reportQuery } from './reports';
import { SdrTab } from './SdrTab';

const firstDimension: FunnelDimension = 'channel';

/** The funnel by channel over all time (the first tab as the page opens) and the channel names. */
export const prefetch: Prefetch = (client) => {
  void client.prefetchQuery(reportQuery<FunnelReport>('/reports/funnel', { by: firstDimension }));
  void client.prefetchQuery(channelsQuery);
};

type Range = Parameters<NonNullable<React.ComponentProps<typeof DatePicker.RangePicker>['onChange']>>[0];

export default function DashboardPage() {
  const { t } = useTranslation();
  const [by, setBy] = useState<FunnelDimension>(firstDimension);
  const [period, setPeriod] = useState<Period>({});

  const onRange = (range: Range) => {
    const [from, to] = range ?? [];
    setPeriod(from && to ? { from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') } : {});
  };

  return (
    <section>
      <Typography.Title level={2}>{t('dashboard.title')}</Typography.Title>
      <Form
        layout="inline"
        name="dashboard"
        aria-label={t('dashboard.filters')}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item label={t('dashboard.period')} name="period">
          <DatePicker.RangePicker
            allowEmpty={[false, false]}
            placeholder={[t('dashboard.periodFrom'), t('dashboard.periodTo')]}
            onChange={onRange}
          />
        </Form.Item>
        <Form.Item label={t('dashboard.sliceBy')} name="by" initialValue={firstDimension}>
          <Radio.Group
            optionType="button"
            onChange={(e) => setBy(e.target.value)}
            options={funnelDimensions.map((d) => ({ value: d, label: t(`dashboard.by.${d}`) }))}
          />
        </Form.Item>
      </Form>
      <Tabs
        items={[
          { key: 'funnel', label: t('dashboard.tabs.funnel'), children: <FunnelTab by={by} period={period} /> },
          {
            key: 'channels',
            label: t('dashboard.tabs.channels'),
            children: <ChannelsTab by={by === 'campaign' ? 'campaign' : 'channel'} period={period} />,
          },
          {
            key: 'responsiveness',
            label: t('dashboard.tabs.responsiveness'),
            children: <ResponsivenessTab period={period} />,
          },
          { key: 'sdr', label: t('dashboard.tabs.sdr'), children: <SdrTab period={period} /> },
        ]}
      />
    </section>
  );
}
