/** The plan's answer (table + chart) beside the measured funnel, and the rates planned vs measured. */
import { Alert, Button, Radio, Space } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../../components/Chart';
import { useFormat } from '../../format';
import { ReportTable } from '../dashboard/ReportTable';
import { ErrorView } from '../ErrorView';
import { type CapacityPlan, type RateKey, type Rates, rateKeys, type StageKey, stageKeys } from './capacity';

const stageLabel: Record<StageKey, string> = {
  leads: 'plan.stageLeads',
  mqls: 'plan.stageMqls',
  sqls: 'plan.stageSqls',
  opportunities: 'plan.stageOpportunities',
  newCustomers: 'plan.stageNewCustomers',
};

interface Line {
  key: string;
  label: string;
  value: string;
  raw: number | null;
}

export function PlanResult({ plan, measured }: { plan: CapacityPlan; measured: Record<StageKey, number | null> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const summary: Line[] = [
    {
      key: 'currentRevenue',
      label: t('plan.currentRevenue'),
      raw: plan.currentRevenue,
      value: f.money(plan.currentRevenue),
    },
    {
      key: 'targetRevenue',
      label: t('plan.targetRevenueOut'),
      raw: plan.targetRevenue,
      value: f.money(plan.targetRevenue),
    },
    {
      key: 'renewalRevenue',
      label: t('plan.renewalRevenue'),
      raw: plan.renewalRevenue,
      value: f.money(plan.renewalRevenue),
    },
    { key: 'newRevenue', label: t('plan.newRevenue'), raw: plan.newRevenue, value: f.money(plan.newRevenue) },
    { key: 'newCustomers', label: t('plan.newCustomers'), raw: plan.newCustomers, value: f.number(plan.newCustomers) },
  ];
  if (plan.sdrsNeeded !== undefined)
    summary.push({ key: 'sdrs', label: t('plan.sdrsNeeded'), raw: plan.sdrsNeeded, value: f.number(plan.sdrsNeeded) });
  if (plan.repsNeeded !== undefined)
    summary.push({ key: 'reps', label: t('plan.repsNeeded'), raw: plan.repsNeeded, value: f.number(plan.repsNeeded) });

  const stages = [...stageKeys].reverse(); // new customers first, as the reverse funnel reads
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 64, right: 16, top: 36, bottom: 32 },
      xAxis: { type: 'category', axisLabel: { interval: 0 }, data: stages.map((s) => t(stageLabel[s])) },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', barMaxWidth: 40, name: t('plan.chartNeeded'), data: stages.map((s) => plan.perMonth[s]) },
        { type: 'bar', barMaxWidth: 40, name: t('plan.chartMeasured'), data: stages.map((s) => measured[s] ?? 0) },
      ],
    }),
    [plan, measured, t, stages],
  );
  const chartSummary = stages
    .map((s) => `${t(stageLabel[s])} ${f.number(plan.perMonth[s])} / ${f.number(measured[s], 1)}`)
    .join(', ');

  return (
    <>
      <ReportTable<Line>
        title={t('plan.resultTitle')}
        file={t('plan.files.result')}
        rows={summary}
        rowKey={(l) => l.key}
        columns={[
          { key: 'item', title: t('plan.item'), value: (l) => l.label },
          { key: 'value', title: t('plan.value'), value: (l) => l.raw, render: (l) => l.value, numeric: true },
        ]}
      />
      <ReportTable<StageKey>
        title={t('plan.funnelTitle')}
        file={t('plan.files.funnel')}
        rows={stages}
        rowKey={(s) => s}
        columns={[
          { key: 'stage', title: t('plan.stage'), value: (s) => t(stageLabel[s]) },
          {
            key: 'total',
            title: t('plan.total'),
            value: (s) => plan[s],
            render: (s) => f.number(plan[s]),
            numeric: true,
          },
          {
            key: 'perMonth',
            title: t('plan.perMonth'),
            value: (s) => plan.perMonth[s],
            render: (s) => f.number(plan.perMonth[s]),
            numeric: true,
          },
          {
            key: 'measured',
            title: t('plan.measuredPerMonth'),
            value: (s) => measured[s],
            render: (s) => f.number(measured[s], 1),
            numeric: true,
          },
        ]}
      />
      <Chart option={option} label={t('plan.chartLabel', { summary: chartSummary })} height={280} />
      {plan.byMonth ? <PlanByMonth months={plan.byMonth} /> : null}
    </>
  );
}

type PlanMonth = NonNullable<CapacityPlan['byMonth']>[number];

/** Each month of the plan: what the funnel delivered against what the plan asked, and the running gap. */
function PlanByMonth({ months }: { months: readonly PlanMonth[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <ReportTable<PlanMonth>
      title={t('plan.monthsTitle')}
      file={t('plan.files.months')}
      rows={months}
      rowKey={(m) => m.month}
      columns={[
        { key: 'month', title: t('plan.month'), value: (m) => m.month },
        ...stageKeys.map((s) => ({
          key: s,
          title: t(stageLabel[s]),
          value: (m: PlanMonth) => (m.actual ? `${m.actual[s]} / ${m.planned[s]}` : null),
          render: (m: PlanMonth) =>
            m.actual
              ? t('plan.monthCell', { actual: f.number(m.actual[s]), planned: f.number(m.planned[s]) })
              : t('plan.notBegun'),
          numeric: true,
        })),
        {
          key: 'gap',
          title: t('plan.behind'),
          value: (m) => m.gap?.newCustomers ?? null,
          render: (m) => (m.gap ? f.number(m.gap.newCustomers) : t('plan.notBegun')),
          numeric: true,
        },
      ]}
    />
  );
}

export function MeasuredRates({
  planned,
  measured,
  windowMonths,
  onWindow,
  onUse,
  loading,
  error,
}: {
  planned: Partial<Record<RateKey, number>>;
  measured: Rates;
  windowMonths: number;
  onWindow(months: number): void;
  onUse(): void;
  loading: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const usable = rateKeys.some((k) => (measured[k] ?? 0) > 0);
  return (
    <ReportTable<RateKey>
      title={t('plan.ratesTitle')}
      file={t('plan.files.rates')}
      rows={rateKeys}
      rowKey={(k) => k}
      loading={loading}
      extra={
        <Space direction="vertical" style={{ marginBottom: 8, width: '100%' }}>
          {error ? <ErrorView error={error} /> : null}
          <Space wrap>
            <Radio.Group
              aria-label={t('plan.measuredWindow')}
              optionType="button"
              value={windowMonths}
              onChange={(e) => onWindow(e.target.value)}
              options={[3, 6, 12].map((n) => ({ value: n, label: t('plan.lastMonths', { count: n }) }))}
            />
            <Button onClick={onUse} disabled={!usable}>
              {t('plan.useMeasured')}
            </Button>
          </Space>
          {!loading && !usable ? <Alert type="info" title={t('plan.noMeasured')} /> : null}
        </Space>
      }
      columns={[
        { key: 'rate', title: t('plan.rate'), value: (k) => t(`plan.${k}`) },
        {
          key: 'planned',
          title: t('plan.planned'),
          value: (k) => planned[k] ?? null,
          render: (k) => f.percent(planned[k] ?? null),
          numeric: true,
        },
        {
          key: 'measured',
          title: t('plan.measured'),
          value: (k) => measured[k],
          render: (k) => f.percent(measured[k]),
          numeric: true,
        },
      ]}
    />
  );
}
