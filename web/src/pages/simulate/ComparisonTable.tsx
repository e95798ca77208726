/**
 * The two sides of a simulation side by side (SPEC §8.6): the version in force and the
 * candidate, metric by metric, with the difference — MQL volume, hand-offs, load a day, SLA
 * breaches (and how they were obtained), suspensions, expected SQLs and wins, fairness.
 */
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { type ReportColumn, ReportTable } from '../dashboard/ReportTable';
import { routingPaths, type Simulation, type SimulationSide } from './simulation';

interface Metric {
  key: string;
  label: string;
  value(side: SimulationSide): number | null;
  /** The server's difference, where it gives one; otherwise candidate − current. */
  diff?: number | null;
  show(value: number | null): string;
  /** A few words under a side's value (the basis of the SLA estimate). */
  note?(side: SimulationSide): string | null;
  /** What a null value means. */
  none?: string;
}

/** A difference as shown: "+4", "-4", and "0" for one that rounds away (never "-0"). */
const signed = (text: string, value: number) =>
  /^-?0([.,]0*)?%?$/.test(text) ? text.replace('-', '') : value > 0 ? `+${text}` : text;

export function ComparisonTable({ simulation }: { simulation: Simulation }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { current, candidate, diff } = simulation;
  const count = (v: number | null) => f.number(v);
  const decimal = (v: number | null) => f.number(v, 1);
  const noModel = t('simulate.noModel');
  const metrics: Metric[] = [
    { key: 'leads', label: t('simulate.metrics.leads'), value: (s) => s.leads, diff: diff.leads, show: count },
    { key: 'mqls', label: t('simulate.metrics.mqls'), value: (s) => s.mqls, diff: diff.mqls, show: count },
    {
      key: 'handoffs',
      label: t('simulate.metrics.handoffs'),
      value: (s) => s.handoffs,
      diff: diff.handoffs,
      show: count,
    },
    {
      key: 'dispatches',
      label: t('simulate.metrics.dispatches'),
      value: (s) => s.dispatches,
      diff: diff.dispatches,
      show: count,
    },
    {
      key: 'perDay',
      label: t('simulate.metrics.handoffsPerDay'),
      value: (s) => s.handoffsPerDay,
      show: (v) => f.number(v, 2),
    },
    {
      key: 'breaches',
      label: t('simulate.metrics.expectedSlaBreaches'),
      value: (s) => s.expectedSlaBreaches,
      diff: diff.expectedSlaBreaches,
      show: decimal,
      note: (s) => (s.slaBasis ? t(`simulate.slaBasis.${s.slaBasis}`) : t('simulate.slaBasis.none')),
    },
    {
      key: 'suspensions',
      label: t('simulate.metrics.suspensions'),
      value: (s) => s.suspensions,
      show: count,
      none: t('simulate.slaOnly'),
    },
    {
      key: 'sqls',
      label: t('simulate.metrics.expectedSqls'),
      value: (s) => s.expectedSqls,
      diff: diff.expectedSqls,
      show: decimal,
      none: noModel,
    },
    {
      key: 'wins',
      label: t('simulate.metrics.expectedWins'),
      value: (s) => s.expectedWins,
      diff: diff.expectedWins,
      show: decimal,
      none: noModel,
    },
    {
      key: 'maxDeviation',
      label: t('simulate.metrics.maxDeviation'),
      value: (s) => s.fairness.maxDeviation,
      diff: diff.maxDeviation,
      show: (v) => f.percent(v),
    },
    {
      key: 'fairnessIndex',
      label: t('simulate.metrics.fairnessIndex'),
      value: (s) => s.fairness.index,
      show: (v) => f.number(v, 2),
    },
    ...routingPaths
      .filter((p) => current.paths[p] || candidate.paths[p])
      .map<Metric>((p) => ({
        key: `path-${p}`,
        label: t('simulate.metrics.path', { path: t(`settingsRouting.paths.${p}`) }),
        value: (s) => s.paths[p] ?? 0,
        show: count,
      })),
  ];

  const difference = (m: Metric): number | null => {
    if (m.diff !== undefined) return m.diff;
    const a = m.value(current);
    const b = m.value(candidate);
    return a === null || b === null ? null : b - a;
  };
  const cell = (m: Metric, side: SimulationSide): ReactNode => {
    const value = m.value(side);
    const note = m.note?.(side);
    return (
      <>
        {value === null && m.none ? <Typography.Text type="secondary">{m.none}</Typography.Text> : m.show(value)}
        {note ? (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {note}
            </Typography.Text>
          </div>
        ) : null}
      </>
    );
  };
  const columns: ReportColumn<Metric>[] = [
    { key: 'metric', title: t('simulate.metric'), value: (m) => m.label },
    {
      key: 'current',
      title: t('simulate.currentColumn', { version: current.version }),
      value: (m) => m.value(current),
      render: (m) => cell(m, current),
      numeric: true,
    },
    {
      key: 'candidate',
      title:
        candidate.version === null
          ? t('simulate.candidateColumn')
          : t('simulate.candidateVersionColumn', { version: candidate.version }),
      value: (m) => m.value(candidate),
      render: (m) => cell(m, candidate),
      numeric: true,
    },
    {
      key: 'diff',
      title: t('simulate.difference'),
      value: difference,
      render: (m) => {
        const d = difference(m);
        if (d === null) return t('common.none');
        const text = signed(m.show(d), d);
        return Math.abs(d) > 1e-9 ? <strong>{text}</strong> : text;
      },
      numeric: true,
    },
  ];
  return (
    <ReportTable<Metric>
      title={t('simulate.comparisonTitle')}
      file={t('simulate.files.comparison')}
      rows={metrics}
      rowKey={(m) => m.key}
      columns={columns}
    />
  );
}
