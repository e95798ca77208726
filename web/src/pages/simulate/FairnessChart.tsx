/**
 * Per-rep load on both sides against the rotation weights (SPEC §5.2 step 3, §8.6 "per-rep
 * load"): a bar chart of each rep's share of hand-offs now and with the candidate next to the
 * rep's share of the weights, and the same numbers in a table beside it.
 */
import { Col, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../../components/Chart';
import { useFormat } from '../../format';
import { ReportTable } from '../dashboard/ReportTable';
import type { RepLoad, Simulation } from './simulation';

interface RepRow {
  repId: string;
  name: string;
  weightShare: number;
  current: RepLoad | undefined;
  candidate: RepLoad | undefined;
  diff: number;
}

const share = (l: RepLoad | undefined) => l?.share ?? 0;

function fairnessRows(simulation: Simulation, nameOf: (repId: string) => string): RepRow[] {
  const current = new Map(simulation.current.load.map((l) => [l.repId, l]));
  const candidate = new Map(simulation.candidate.load.map((l) => [l.repId, l]));
  const diff = new Map(simulation.diff.load.map((l) => [l.repId, l.handoffs]));
  const repIds = [...new Set([...current.keys(), ...candidate.keys()])];
  return repIds.map((repId) => {
    const now = current.get(repId);
    const next = candidate.get(repId);
    return {
      repId,
      name: nameOf(repId),
      weightShare: Math.max(now?.weightShare ?? 0, next?.weightShare ?? 0),
      current: now,
      candidate: next,
      diff: diff.get(repId) ?? (next?.handoffs ?? 0) - (now?.handoffs ?? 0),
    };
  });
}

export function FairnessChart({ simulation, nameOf }: { simulation: Simulation; nameOf: (repId: string) => string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows = useMemo(() => fairnessRows(simulation, nameOf), [simulation, nameOf]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => f.percent(Number(v)) },
      legend: { top: 0 },
      grid: { left: 56, right: 16, top: 36, bottom: 32 },
      // A rep shown by id (a role that may not list users) is cut short under its bar; the table has it whole.
      xAxis: {
        type: 'category',
        axisLabel: { interval: 0, width: 96, overflow: 'truncate' },
        data: rows.map((r) => r.name),
      },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.percent(v) } },
      series: [
        { type: 'bar', barMaxWidth: 32, name: t('simulate.chartCurrent'), data: rows.map((r) => share(r.current)) },
        {
          type: 'bar',
          barMaxWidth: 32,
          name: t('simulate.chartCandidate'),
          data: rows.map((r) => share(r.candidate)),
        },
        { type: 'bar', barMaxWidth: 32, name: t('simulate.chartWeight'), data: rows.map((r) => r.weightShare) },
      ],
    }),
    [rows, t, f],
  );
  const summary = rows
    .map((r) =>
      t('simulate.chartRep', {
        name: r.name,
        current: f.percent(share(r.current)),
        candidate: f.percent(share(r.candidate)),
        weight: f.percent(r.weightShare),
      }),
    )
    .join('; ');
  const { current, candidate } = simulation;

  return (
    <section aria-label={t('simulate.fairnessTitle')} style={{ marginBottom: 24 }}>
      <Typography.Title level={3}>{t('simulate.fairnessTitle')}</Typography.Title>
      <Typography.Paragraph>
        {t('simulate.fairnessSummary', {
          current: f.percent(current.fairness.maxDeviation),
          candidate: f.percent(candidate.fairness.maxDeviation),
          currentIndex: f.number(current.fairness.index, 2),
          candidateIndex: f.number(candidate.fairness.index, 2),
        })}
      </Typography.Paragraph>
      {rows.length ? (
        <Row gutter={[24, 16]}>
          <Col xs={24} xl={10}>
            <Chart option={option} label={t('simulate.chartLabel', { summary })} height={300} />
          </Col>
          <Col xs={24} xl={14}>
            <ReportTable<RepRow>
              title={t('simulate.loadTitle')}
              file={t('simulate.files.load')}
              rows={rows}
              rowKey={(r) => r.repId}
              columns={[
                { key: 'rep', title: t('simulate.rep'), value: (r) => r.name },
                {
                  key: 'weight',
                  title: t('simulate.weightShare'),
                  value: (r) => r.weightShare,
                  render: (r) => f.percent(r.weightShare),
                  numeric: true,
                },
                {
                  key: 'current',
                  title: t('simulate.currentLoad'),
                  value: (r) => r.current?.handoffs ?? 0,
                  render: (r) => `${r.current?.handoffs ?? 0} · ${f.percent(share(r.current))}`,
                  numeric: true,
                },
                {
                  key: 'candidate',
                  title: t('simulate.candidateLoad'),
                  value: (r) => r.candidate?.handoffs ?? 0,
                  render: (r) => `${r.candidate?.handoffs ?? 0} · ${f.percent(share(r.candidate))}`,
                  numeric: true,
                },
                {
                  key: 'diff',
                  title: t('simulate.difference'),
                  value: (r) => r.diff,
                  render: (r) => (r.diff > 0 ? `+${r.diff}` : String(r.diff)),
                  numeric: true,
                },
              ]}
            />
          </Col>
        </Row>
      ) : (
        <Typography.Paragraph type="secondary">{t('simulate.noReps')}</Typography.Paragraph>
      )}
    </section>
  );
}
