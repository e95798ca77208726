/** Channel economics (SPEC §8.2): spend, cost per lead … won deal, revenue and ROI per channel or campaign. */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChannelName } from '../../channels';
import { amountsText, useFormat } from '../../format';
import { ErrorView } from '../ErrorView';
import { ReportTable } from './ReportTable';
import { type EconomicsReport, type EconomicsRow, type Period, useReport } from './reports';

export function ChannelsTab({ by, period }: { by: 'channel' | 'campaign'; period: Period }) {
  const { t } = useTranslation();
  const channelName = useChannelName();
  const f = useFormat();
  const report = useReport<EconomicsReport>('/reports/channels', { by, ...period });
  if (report.error) return <ErrorView error={report.error} />;
  const money = (pick: (r: EconomicsRow) => number | null) => ({
    value: pick,
    render: (r: EconomicsRow) => f.money(pick(r), report.data?.currency),
    numeric: true,
  });
  const count = (pick: (r: EconomicsRow) => number) => ({ value: pick, numeric: true });
  const data = report.data;
  return (
    <ReportTable<EconomicsRow>
      title={t('dashboard.channels.title', { by: t(`dashboard.by.${by}`) })}
      file={`${t('dashboard.files.channels')}-${by}`}
      loading={report.isPending}
      rows={data ? [...data.rows, { ...data.total, label: t('dashboard.funnel.total') }] : []}
      rowKey={(r, i) => `${i}-${r.key}`}
      extra={
        data ? (
          <Typography.Paragraph>{t('dashboard.channels.spendMonths', data.spendMonths)}</Typography.Paragraph>
        ) : null
      }
      columns={[
        {
          key: 'slice',
          title: t(`dashboard.by.${by}`),
          value: (r) =>
            (by === 'channel' ? channelName(r.key) : null) ?? r.label ?? r.key ?? t('dashboard.funnel.none'),
        },
        { key: 'spend', title: t('dashboard.channels.spend'), ...money((r) => r.spend) },
        { key: 'leads', title: t('dashboard.funnel.leads'), ...count((r) => r.leads) },
        { key: 'cpl', title: t('dashboard.channels.cpl'), ...money((r) => r.costPer.lead) },
        { key: 'mqls', title: t('dashboard.funnel.mqls'), ...count((r) => r.mqls) },
        { key: 'costPerMql', title: t('dashboard.channels.costPerMql'), ...money((r) => r.costPer.mql) },
        { key: 'sqls', title: t('dashboard.funnel.sqls'), ...count((r) => r.sqls) },
        { key: 'costPerSql', title: t('dashboard.channels.costPerSql'), ...money((r) => r.costPer.sql) },
        { key: 'opportunities', title: t('dashboard.funnel.opportunities'), ...count((r) => r.opportunities) },
        {
          key: 'costPerOpportunity',
          title: t('dashboard.channels.costPerOpportunity'),
          ...money((r) => r.costPer.opportunity),
        },
        { key: 'won', title: t('dashboard.funnel.won'), ...count((r) => r.won) },
        { key: 'costPerWon', title: t('dashboard.channels.costPerWon'), ...money((r) => r.costPer.won) },
        { key: 'revenue', title: t('dashboard.channels.revenue'), ...money((r) => r.revenue) },
        {
          key: 'wonOtherCurrencies',
          title: t('dashboard.funnel.wonOtherCurrencies'),
          value: (r) => amountsText(r.wonAmountOtherCurrencies),
          render: (r) => f.moneyByCurrency(r.wonAmountOtherCurrencies),
        },
        {
          key: 'roi',
          title: t('dashboard.channels.roi'),
          value: (r) => r.roi,
          render: (r) => f.percent(r.roi),
          numeric: true,
        },
      ]}
    />
  );
}
