/** The funnel (SPEC §8.1): an ECharts funnel, stage conversion, the slices and the leakage reasons. */
import { Alert, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelName } from '../../channels';
import { Chart, type ChartOption } from '../../components/Chart';
import { amountsText, useFormat } from '../../format';
import { ErrorView } from '../ErrorView';
import { ReportTable } from './ReportTable';
import {
  type FunnelDimension,
  type FunnelReport,
  type FunnelRow,
  type FunnelStage,
  funnelStages,
  type Period,
  stageCounts,
  useReport,
} from './reports';

interface StageLine {
  stage: FunnelStage;
  count: number;
  conversion: number | null;
  medianHours: number | null;
}

function stageLines(row: FunnelRow): StageLine[] {
  const counts = stageCounts(row);
  const c = row.conversion;
  const m = row.medianHoursInStage;
  const conversion: Record<FunnelStage, number | null> = {
    lead: null,
    validLead: c.leadToValidLead,
    mql: c.validLeadToMql,
    sql: c.mqlToSql,
    opportunity: c.sqlToOpportunity,
    won: c.opportunityToWon,
  };
  const hours: Record<FunnelStage, number | null> = {
    lead: m.lead,
    validLead: null,
    mql: m.mql,
    sql: m.sql,
    opportunity: m.opportunity,
    won: null,
  };
  return funnelStages.map((stage) => ({
    stage,
    count: counts[stage],
    conversion: conversion[stage],
    medianHours: hours[stage],
  }));
}

export function FunnelTab({ by, period }: { by: FunnelDimension; period: Period }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const channelName = useChannelName();
  const report = useReport<FunnelReport>('/reports/funnel', { by, ...period });
  const total = report.data?.total;
  const lines = useMemo(() => (total ? stageLines(total) : []), [total]);

  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          minSize: '8%',
          left: '10%',
          width: '80%',
          label: { show: true, position: 'inside', formatter: '{b}: {c}' },
          data: lines.map((l) => ({ name: t(`dashboard.stage.${l.stage}`), value: l.count })),
        },
      ],
    }),
    [lines, t],
  );

  if (report.error) return <ErrorView error={report.error} />;
  const summary = lines
    .map(
      (l) =>
        `${t(`dashboard.stage.${l.stage}`)} ${f.number(l.count)}${l.conversion === null ? '' : ` (${f.percent(l.conversion)})`}`,
    )
    .join(', ');
  const definitionName = (kind: string) => {
    const stage = kind === 'valid_lead' ? 'validLead' : kind;
    return (funnelStages as readonly string[]).includes(stage) ? t(`dashboard.stage.${stage}`) : kind;
  };
  const sliceName = (r: FunnelRow) =>
    (by === 'channel' ? channelName(r.key) : null) ?? r.label ?? r.key ?? t('dashboard.funnel.none');
  const leakage = total?.leakage ?? [];
  const reasonOf = (l: FunnelRow['leakage'][number]) =>
    (i18n.language === 'en' ? l.labelEn : l.labelZh) ?? l.reason ?? t('dashboard.funnel.none');

  return (
    <>
      {report.data?.scope === 'team' ? <Alert type="info" title={t('dashboard.funnel.teamScope')} /> : null}
      {total ? <Chart option={option} label={t('dashboard.funnel.chartLabel', { summary })} height={300} /> : null}
      {report.data?.definitions.length ? (
        <Typography.Paragraph>
          {t('dashboard.funnel.definitions', {
            list: report.data.definitions.map((d) => `${definitionName(d.kind)} v${d.version}`).join(', '),
          })}
        </Typography.Paragraph>
      ) : null}
      <ReportTable<StageLine>
        title={t('dashboard.funnel.stagesTitle')}
        file={t('dashboard.files.stages')}
        loading={report.isPending}
        rows={lines}
        rowKey={(l) => l.stage}
        columns={[
          { key: 'stage', title: t('dashboard.funnel.stageCol'), value: (l) => t(`dashboard.stage.${l.stage}`) },
          {
            key: 'count',
            title: t('dashboard.funnel.count'),
            value: (l) => l.count,
            render: (l) => f.number(l.count),
            numeric: true,
          },
          {
            key: 'conversion',
            title: t('dashboard.funnel.conversion'),
            value: (l) => l.conversion,
            render: (l) => f.percent(l.conversion),
            numeric: true,
          },
          {
            key: 'hours',
            title: t('dashboard.funnel.medianHours'),
            value: (l) => l.medianHours,
            render: (l) => f.number(l.medianHours, 1),
            numeric: true,
          },
        ]}
      />
      <ReportTable<FunnelRow>
        title={t('dashboard.funnel.slicesTitle', { by: t(`dashboard.by.${by}`) })}
        file={`${t('dashboard.files.slices')}-${by}`}
        loading={report.isPending}
        rows={report.data ? [...report.data.rows, { ...report.data.total, label: t('dashboard.funnel.total') }] : []}
        rowKey={(r, i) => `${i}-${r.key}`}
        columns={[
          { key: 'slice', title: t(`dashboard.by.${by}`), value: sliceName },
          { key: 'leads', title: t('dashboard.funnel.leads'), value: (r) => r.leads, numeric: true },
          { key: 'validLeads', title: t('dashboard.funnel.validLeads'), value: (r) => r.validLeads, numeric: true },
          { key: 'mqls', title: t('dashboard.funnel.mqls'), value: (r) => r.mqls, numeric: true },
          { key: 'sqls', title: t('dashboard.funnel.sqls'), value: (r) => r.sqls, numeric: true },
          {
            key: 'opportunities',
            title: t('dashboard.funnel.opportunities'),
            value: (r) => r.opportunities,
            numeric: true,
          },
          { key: 'won', title: t('dashboard.funnel.won'), value: (r) => r.won, numeric: true },
          {
            key: 'wonAmount',
            title: t('dashboard.funnel.wonAmount'),
            value: (r) => r.wonAmount,
            render: (r) => f.money(r.wonAmount, report.data?.currency),
            numeric: true,
          },
          {
            key: 'wonOtherCurrencies',
            title: t('dashboard.funnel.wonOtherCurrencies'),
            value: (r) => amountsText(r.wonAmountOtherCurrencies),
            render: (r) => f.moneyByCurrency(r.wonAmountOtherCurrencies),
          },
          {
            key: 'leadToWon',
            title: t('dashboard.funnel.leadToWon'),
            value: (r) => r.conversion.leadToWon,
            render: (r) => f.percent(r.conversion.leadToWon),
            numeric: true,
          },
        ]}
      />
      <ReportTable<FunnelRow['leakage'][number]>
        title={t('dashboard.funnel.leakageTitle')}
        file={t('dashboard.files.leakage')}
        loading={report.isPending}
        rows={leakage}
        rowKey={(l, i) => `${i}-${l.stage}-${l.kind}-${l.reason}`}
        columns={[
          { key: 'stage', title: t('dashboard.funnel.leakStage'), value: (l) => t(`dashboard.stage.${l.stage}`) },
          { key: 'kind', title: t('dashboard.funnel.kind'), value: (l) => t(`dashboard.leakageKind.${l.kind}`) },
          { key: 'reason', title: t('dashboard.funnel.reason'), value: reasonOf },
          { key: 'count', title: t('dashboard.funnel.count'), value: (l) => l.count, numeric: true },
        ]}
      />
      {report.data && !report.data.total.leads ? <Alert type="info" title={t('dashboard.empty')} /> : null}
    </>
  );
}
