import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { RefusalView } from '../../components/RefusalView';
import { useFormat } from '../../format';
import { prefetchedFreshMs } from '../../prefetch';
import { useMe } from '../../session';
import { ErrorView } from '../ErrorView';
import { NativeSelect } from '../queue/NativeSelect';
import { HistoryImport } from './HistoryImport';
import { ModelReport } from './ModelReport';
import {
  type ModelTarget,
  type ModelView,
  modelActivators,
  modelsKey,
  modelTargets,
  modelTrainers,
} from './ModelTypes';

export const modelsQuery = queryOptions({
  queryKey: modelsKey,
  queryFn: () => api<{ items: ModelView[] }>('GET', '/models'),
  staleTime: prefetchedFreshMs,
});

/**
 * Settings → predictive models (SPEC §4.3, issue 9): import last year's CRM export as history,
 * train, read the report, activate. A trained model advises nobody until it is activated, and
 * the monthly retraining only ever adds a model to this list.
 */
export function ModelsSettings() {
  const { t } = useTranslation();
  const f = useFormat();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const role = useMe().data?.role;
  const [target, setTarget] = useState<ModelTarget>('sql');
  const [shown, setShown] = useState<string | null>(null);
  const models = useQuery(modelsQuery);
  const refresh = () => queryClient.invalidateQueries({ queryKey: modelsKey });
  const train = useMutation({
    mutationFn: () => api<ModelView>('POST', '/models/train', { target }),
    onSuccess: (model) => {
      setShown(model.id);
      void message.success(t('settingsModels.trained', { auc: f.number(model.metrics?.auc, 3) }));
    },
    onSettled: refresh,
  });
  const activate = useMutation({
    mutationFn: (id: string) => api<ModelView>('POST', `/models/${id}/activate`),
    onSuccess: () => void message.success(t('settingsModels.activated')),
    onSettled: refresh,
  });

  if (models.error) return <ErrorView error={models.error} />;
  const items = models.data?.items ?? [];
  const report = items.find((m) => m.id === shown) ?? items.find((m) => m.active) ?? null;
  const canTrain = role ? modelTrainers.includes(role) : false;
  const canActivate = role ? modelActivators.includes(role) : false;
  return (
    <>
      <Typography.Title level={3}>{t('settingsModels.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('settingsModels.intro')}</Typography.Paragraph>
      {canTrain ? <HistoryImport onImported={refresh} /> : null}
      {canTrain ? (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Space wrap>
            <NativeSelect label={t('settingsModels.target')} value={target} onChange={setTarget}>
              {modelTargets.map((v) => (
                <option key={v} value={v}>
                  {t(`settingsModels.targets.${v}`)}
                </option>
              ))}
            </NativeSelect>
            <Button type="primary" loading={train.isPending} onClick={() => train.mutate()}>
              {t('settingsModels.train')}
            </Button>
          </Space>
          {train.error ? (
            <div style={{ marginTop: 12 }}>
              <RefusalView error={train.error} title={t('settingsModels.cannotTrain')} showField={false} />
            </div>
          ) : null}
        </Card>
      ) : null}
      <Table
        size="small"
        rowKey="id"
        loading={models.isPending}
        dataSource={items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t('settingsModels.createdAt'), dataIndex: 'createdAt', render: (v: string) => f.dateTime(v) },
          {
            title: t('settingsModels.target'),
            dataIndex: 'target',
            render: (v: ModelTarget) => t(`settingsModels.targets.${v}`),
          },
          {
            title: t('settingsModels.trigger'),
            dataIndex: 'trigger',
            render: (v: string) => t(`settingsModels.triggers.${v}`),
          },
          {
            title: t('settingsModels.status'),
            key: 'status',
            render: (_, m) => (
              <Space size={4}>
                <Tag>{t(`settingsModels.statuses.${m.status}`)}</Tag>
                {m.active ? <Tag color="green">{t('settingsModels.active')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('settingsModels.auc'),
            key: 'auc',
            align: 'right',
            render: (_, m) =>
              m.metrics
                ? f.number(m.metrics.auc, 3)
                : m.failure?.reason === 'not_enough_history'
                  ? t('settingsModels.needMore', {
                      labelled: m.failure.needLabelled,
                      positives: m.failure.needPositives,
                      negatives: m.failure.needNegatives ?? 0,
                    })
                  : '—',
          },
          {
            title: t('settingsModels.actions'),
            key: 'actions',
            render: (_, m) =>
              m.status === 'trained' ? (
                <Space size={4}>
                  <Button
                    size="small"
                    onClick={() => setShown(m.id)}
                    aria-label={t('settingsModels.showReportOf', { at: f.dateTime(m.createdAt) })}
                  >
                    {t('settingsModels.showReport')}
                  </Button>
                  {canActivate && !m.active ? (
                    <Button
                      size="small"
                      type="primary"
                      loading={activate.isPending && activate.variables === m.id}
                      onClick={() => activate.mutate(m.id)}
                      aria-label={t('settingsModels.activateModel', { at: f.dateTime(m.createdAt) })}
                    >
                      {t('settingsModels.activate')}
                    </Button>
                  ) : null}
                </Space>
              ) : null,
          },
        ]}
      />
      {activate.error ? <ErrorView error={activate.error} /> : null}
      {report ? <ModelReport model={report} /> : null}
    </>
  );
}
