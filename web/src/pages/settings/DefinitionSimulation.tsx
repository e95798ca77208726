/**
 * "Approving a new definition version shows its simulation" (SPEC §8.6, issue 9 item 5): on a
 * pending MQL definition version, one click replays the last 3 full months through it next to
 * the version in force and shows the key numbers, with the whole comparison on /simulate.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, fieldErrorLine } from '../../api';
import { useFormat } from '../../format';
import { lastFullMonths, runSimulation, simulatePath } from '../simulate/simulation';
import { type DefinitionVersion, definitionsKey } from './DefinitionTypes';

export function DefinitionSimulation({ proposal }: { proposal: DefinitionVersion }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  // The server's now (GET /definitions, which drew this proposal): the months of its clock.
  const at = useQueryClient().getQueryData<{ at: string }>(definitionsKey)?.at ?? new Date().toISOString();
  const period = lastFullMonths(at, 3);
  const simulation = useMutation({
    mutationFn: () => runSimulation({ kind: 'definition', candidate: { criteria: proposal.criteria }, ...period }),
  });
  const result = simulation.data;
  const error = simulation.error;
  const sqls = (n: number | null) => (n === null ? t('simulate.noModel') : f.number(n, 1));
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  return (
    <div style={{ margin: '12px 0' }}>
      <Space wrap>
        <Button onClick={() => simulation.mutate()} loading={simulation.isPending}>
          {t('simulate.pending.run')}
        </Button>
        <Link to={simulatePath({ kind: 'definition', version: proposal.version, period })}>
          {t('simulate.pending.open')}
        </Link>
      </Space>
      {error ? (
        <Alert
          type="error"
          style={{ marginTop: 8 }}
          title={t('simulate.failed')}
          description={
            error instanceof ApiError && error.problem?.errors?.length
              ? error.problem.errors.map((e) => fieldErrorLine(e, i18n.language)).join('; ')
              : error.message
          }
        />
      ) : null}
      {result ? (
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginTop: 8 }}
          title={t('simulate.pending.title', { from: f.date(result.from), to: f.date(result.to) })}
        >
          <Descriptions.Item label={t('simulate.metrics.mqls')}>
            {t('simulate.pending.change', {
              current: result.current.mqls,
              candidate: result.candidate.mqls,
              diff: signed(result.diff.mqls),
            })}
          </Descriptions.Item>
          <Descriptions.Item label={t('simulate.metrics.expectedSqls')}>
            {result.current.expectedSqls === null && result.candidate.expectedSqls === null
              ? t('simulate.noModel')
              : `${sqls(result.current.expectedSqls)} → ${sqls(result.candidate.expectedSqls)}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('simulate.pending.changed')}>
            {t('simulate.pending.changedCount', { count: result.diff.changed, leads: result.current.leads })}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
    </div>
  );
}
