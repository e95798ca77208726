/**
 * /simulate (SPEC §8.6, issue 9 item 5): a leader replays a period's real leads through a
 * candidate scoring version, MQL definition, routing rule set or SLA policy next to the one in
 * force, and reads the two side by side — volumes, per-rep load and fairness (chart and table),
 * SLA load, expected conversions, and the leads that would change with the reason. Read-only.
 * `?kind=definition&version=N&from=&to=` opens with a pending definition version filled in.
 */
import { useMutation } from '@tanstack/react-query';
import { Card, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFormat } from '../../format';
import { useColleagues } from '../../users';
import { ErrorView } from '../ErrorView';
import { ChangedLeads } from './ChangedLeads';
import { ComparisonTable } from './ComparisonTable';
import { FairnessChart } from './FairnessChart';
import { SimulationForm } from './SimulationForm';
import {
  lastFullMonths,
  type Period,
  runSimulation,
  type Simulation,
  type SimulationKind,
  simulationKinds,
} from './simulation';
import { noErrors, type SimulationErrors, sortErrors } from './simulationErrors';
import { candidateText, useDefinitions, useStartingPoints } from './startingPoints';

const isKind = (value: string | null): value is SimulationKind =>
  (simulationKinds as readonly (string | null)[]).includes(value);

export default function SimulatePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [params] = useSearchParams();
  const users = useColleagues();
  const definitions = useDefinitions();
  const [kind, setKind] = useState<SimulationKind>(() => {
    const asked = params.get('kind');
    return isKind(asked) ? asked : 'definition';
  });
  const [period, setPeriod] = useState<Period | null>(() => {
    const from = params.get('from');
    const to = params.get('to');
    return from && to ? { from, to } : null;
  });
  const [drafts, setDrafts] = useState<Partial<Record<SimulationKind, string>>>({});
  const [errors, setErrors] = useState<SimulationErrors>(noErrors);
  const [result, setResult] = useState<Simulation | null>(null);
  const starting = useStartingPoints(kind);
  const simulate = useMutation({
    mutationFn: runSimulation,
    onMutate: () => setErrors(noErrors),
    onSuccess: setResult,
    onError: (error) => setErrors(sortErrors(error)),
  });
  const nameOf = useCallback(
    (repId: string) => users.data?.items.find((u) => u.id === repId)?.name ?? repId,
    [users.data],
  );

  if (definitions.error) return <ErrorView error={definitions.error} />;
  const shownPeriod = period ?? (definitions.data ? lastFullMonths(definitions.data.at) : null);
  const requested = Number(params.get('version'));
  const startBody =
    starting.data &&
    ((kind === 'definition' && starting.data.pending.find((p) => p.version === requested)?.body) ||
      starting.data.inForce);
  const text = drafts[kind] ?? (startBody ? candidateText(startBody) : '');
  const setText = (value: string) => setDrafts((d) => ({ ...d, [kind]: value }));

  const run = () => {
    if (!shownPeriod) return;
    let candidate: unknown;
    try {
      candidate = JSON.parse(text);
    } catch (error) {
      setErrors({ ...noErrors, candidate: [t('simulate.invalidJson', { message: (error as Error).message })] });
      return;
    }
    if (!candidate || typeof candidate !== 'object' || Array.isArray(candidate)) {
      setErrors({ ...noErrors, candidate: [t('simulate.notAnObject')] });
      return;
    }
    simulate.mutate({ kind, candidate: candidate as Record<string, unknown>, ...shownPeriod });
  };

  return (
    <section>
      <Typography.Title level={2}>{t('simulate.title')}</Typography.Title>
      <Typography.Paragraph>{t('simulate.intro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 24 }} loading={!shownPeriod}>
        {shownPeriod ? (
          <SimulationForm
            kind={kind}
            onKind={setKind}
            period={shownPeriod}
            onPeriod={setPeriod}
            text={text}
            onText={setText}
            starting={starting.data}
            onStartFrom={(from) => {
              const body =
                from === 'inForce'
                  ? starting.data?.inForce
                  : starting.data?.pending.find((p) => p.version === from)?.body;
              if (body) setText(candidateText(body));
            }}
            errors={
              starting.error ? { ...errors, other: [...errors.other, (starting.error as Error).message] } : errors
            }
            running={simulate.isPending}
            onRun={run}
          />
        ) : null}
      </Card>
      {result ? (
        <section aria-label={t('simulate.resultTitle')}>
          <Typography.Title level={2} style={{ fontSize: 22 }}>
            {t('simulate.resultTitle')}
          </Typography.Title>
          <Typography.Paragraph role="status">
            {t('simulate.resultSummary', {
              kind: t(`simulate.kinds.${result.kind}`),
              from: f.date(result.from),
              to: f.date(result.to),
              leads: result.current.leads,
              changed: result.diff.changed,
            })}
          </Typography.Paragraph>
          <ComparisonTable simulation={result} />
          <FairnessChart simulation={result} nameOf={nameOf} />
          <ChangedLeads simulation={result} nameOf={nameOf} />
        </section>
      ) : null}
    </section>
  );
}
