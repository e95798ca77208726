/** Sales responsiveness (SPEC §8.3, §6.2): per rep acceptance, SLA compliance, time to decide, reasons. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../../components/Chart';
import { useFormat } from '../../format';
import { ErrorView } from '../ErrorView';
import { ReportTable } from './ReportTable';
import { type Period, type ResponsivenessReport, type ResponsivenessRow, useReport } from './reports';

export function ResponsivenessTab({ period }: { period: Period }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const report = useReport<ResponsivenessReport>('/reports/responsiveness', { by: 'rep', ...period });
  const name = (r: ResponsivenessRow) => r.label ?? r.key ?? t('dashboard.funnel.none');
  const rows = report.data?.rows ?? [];
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', axisLabel: { interval: 0 }, data: rows.map((r) => r.label ?? r.key ?? '—') },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 48,
          name: t('dashboard.responsiveness.slaCompliance'),
          data: rows.map((r) => (r.slaCompliance === null ? 0 : Math.round(r.slaCompliance * 1000) / 10)),
        },
      ],
    }),
    [rows, t],
  );
  if (report.error) return <ErrorView error={report.error} />;
  const reasons = (r: ResponsivenessRow) =>
    r.reasons
      .map((x) => `${(i18n.language === 'en' ? x.labelEn : x.labelZh) ?? x.code ?? '—'} × ${x.count}`)
      .join('; ');
  const summary = rows.map((r) => `${name(r)} ${f.percent(r.slaCompliance)}`).join(', ');
  const data = report.data;
  return (
    <>
      {rows.length ? (
        <Chart option={option} label={t('dashboard.responsiveness.chartLabel', { summary })} height={220} />
      ) : null}
      <ReportTable<ResponsivenessRow>
        title={t('dashboard.responsiveness.title')}
        file={t('dashboard.files.responsiveness')}
        loading={report.isPending}
        rows={data ? [...data.rows, { ...data.total, label: t('dashboard.funnel.total') }] : []}
        rowKey={(r, i) => `${i}-${r.key}`}
        columns={[
          { key: 'rep', title: t('dashboard.responsiveness.rep'), value: name },
          { key: 'received', title: t('dashboard.responsiveness.received'), value: (r) => r.received, numeric: true },
          { key: 'accepted', title: t('dashboard.responsiveness.accepted'), value: (r) => r.accepted, numeric: true },
          { key: 'rejected', title: t('dashboard.responsiveness.rejected'), value: (r) => r.rejected, numeric: true },
          { key: 'returned', title: t('dashboard.responsiveness.returned'), value: (r) => r.returned, numeric: true },
          { key: 'pending', title: t('dashboard.responsiveness.pending'), value: (r) => r.pending, numeric: true },
          {
            key: 'acceptanceRate',
            title: t('dashboard.responsiveness.acceptanceRate'),
            value: (r) => r.acceptanceRate,
            render: (r) => f.percent(r.acceptanceRate),
            numeric: true,
          },
          {
            key: 'slaCompliance',
            title: t('dashboard.responsiveness.slaCompliance'),
            value: (r) => r.slaCompliance,
            render: (r) => f.percent(r.slaCompliance),
            numeric: true,
          },
          { key: 'breaches', title: t('dashboard.responsiveness.breaches'), value: (r) => r.breaches, numeric: true },
          {
            key: 'medianHours',
            title: t('dashboard.responsiveness.medianHours'),
            value: (r) => r.medianHours,
            render: (r) => f.number(r.medianHours, 1),
            numeric: true,
          },
          {
            key: 'p90Hours',
            title: t('dashboard.responsiveness.p90Hours'),
            value: (r) => r.p90Hours,
            render: (r) => f.number(r.p90Hours, 1),
            numeric: true,
          },
          { key: 'reasons', title: t('dashboard.responsiveness.reasons'), value: reasons },
        ]}
      />
    </>
  );
}
