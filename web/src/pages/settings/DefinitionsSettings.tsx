import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Card, Descriptions, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useFormat } from '../../format';
import { prefetchedFreshMs } from '../../prefetch';
import { useMe } from '../../session';
import { useColleagues } from '../../users';
import { ErrorView } from '../ErrorView';
import { DefinitionHistory } from './DefinitionHistory';
import { DefinitionPending } from './DefinitionPending';
import { DefinitionProposeForm } from './DefinitionProposeForm';
import { DefinitionRejectModal } from './DefinitionRejectModal';
import {
  approvalSideOfRole,
  criteriaJson,
  type DefinitionKind,
  type DefinitionOverview,
  type DefinitionVersion,
  definitionsKey,
  proposerRoles,
} from './DefinitionTypes';

export const definitionsQuery = queryOptions({
  queryKey: definitionsKey,
  queryFn: () => api<{ at: string; items: DefinitionOverview[] }>('GET', '/definitions'),
  staleTime: prefetchedFreshMs,
});

/**
 * Settings → definitions (SPEC §4.2): each stage definition's version in force, the proposals
 * awaiting the joint marketing + sales approval with Approve / Reject for those who may, the
 * diff against the version in force, a proposal form and the history.
 */
export function DefinitionsSettings() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const users = useColleagues();
  const [kind, setKind] = useState<DefinitionKind>('mql');
  const [rejecting, setRejecting] = useState<number | null>(null);
  const overview = useQuery(definitionsQuery);
  const refresh = () => queryClient.invalidateQueries({ queryKey: definitionsKey });

  const approve = useMutation({
    mutationFn: (version: number) =>
      api<DefinitionVersion>('POST', `/definitions/${kind}/versions/${version}/approve`, {}),
    onSuccess: (v) => {
      void message.success(
        v.status === 'approved'
          ? t('settingsDefinitions.nowInForce', { version: v.version })
          : t('settingsDefinitions.approved', { version: v.version }),
      );
      void refresh();
    },
    onError: (error) => void message.error(error.message),
  });

  if (overview.error) return <ErrorView error={overview.error} />;
  const current = overview.data?.items.find((i) => i.kind === kind);
  const nameOf = (userId: string) => users.data?.items.find((u) => u.id === userId)?.name;
  const kindName = (i: DefinitionOverview) => (i18n.language.startsWith('zh') ? i.name.zh : i.name.en);

  const body = current && me && (
    <>
      <Card size="small" title={t('settingsDefinitions.inForce')} style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('settingsDefinitions.versionCol')}>
            {t('settingsDefinitions.version', { version: current.inForce.version })} ·{' '}
            {current.inForce.proposedBy
              ? t('settingsDefinitions.since', { date: f.dateTime(current.inForce.effectiveFrom) })
              : t('settingsDefinitions.fromBeginning')}
          </Descriptions.Item>
          {current.inForce.note ? (
            <Descriptions.Item label={t('settingsDefinitions.note')}>{current.inForce.note}</Descriptions.Item>
          ) : null}
        </Descriptions>
        <Typography.Text strong>{t('settingsDefinitions.criteria')}</Typography.Text>
        <pre
          style={{
            fontSize: 12,
            background: '#fafafa',
            padding: 8,
            margin: '4px 0 0',
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-word',
          }}
        >
          {criteriaJson(current.inForce.criteria)}
        </pre>
        {current.scheduled.map((s) => (
          <Alert
            key={s.version}
            type="info"
            style={{ marginTop: 8 }}
            title={t('settingsDefinitions.scheduled', { version: s.version, date: f.dateTime(s.effectiveFrom) })}
          />
        ))}
      </Card>

      <Typography.Title level={4}>{t('settingsDefinitions.pending')}</Typography.Title>
      {current.pending.length > 0 && !approvalSideOfRole[me.role] ? (
        <Alert type="info" title={t('settingsDefinitions.cannotApprove')} style={{ marginBottom: 12 }} />
      ) : null}
      {current.pending.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('settingsDefinitions.noPending')}</Typography.Paragraph>
      ) : (
        current.pending.map((p) => (
          <DefinitionPending
            key={p.version}
            proposal={p}
            inForce={current.inForce}
            me={me}
            nameOf={nameOf}
            busy={approve.isPending && approve.variables === p.version}
            onApprove={() => approve.mutate(p.version)}
            onReject={() => setRejecting(p.version)}
          />
        ))
      )}

      {proposerRoles.includes(me.role) ? (
        <>
          <Typography.Title level={4}>{t('settingsDefinitions.propose')}</Typography.Title>
          <DefinitionProposeForm
            kind={kind}
            current={current.inForce.criteria}
            onPropose={async (proposal) => {
              const v = await api<DefinitionVersion>('POST', `/definitions/${kind}/versions`, proposal);
              void message.success(t('settingsDefinitions.proposed', { version: v.version }));
              await refresh();
            }}
          />
        </>
      ) : null}

      <DefinitionHistory kind={kind} />
      <DefinitionRejectModal
        version={rejecting}
        onCancel={() => setRejecting(null)}
        onReject={async (reason) => {
          const v = await api<DefinitionVersion>('POST', `/definitions/${kind}/versions/${rejecting}/reject`, {
            reason,
          });
          void message.success(t('settingsDefinitions.rejected', { version: v.version }));
          setRejecting(null);
          await refresh();
        }}
      />
    </>
  );

  return (
    <>
      <Typography.Title level={3}>{t('settingsDefinitions.title')}</Typography.Title>
      <Typography.Paragraph>{t('settingsDefinitions.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={kind}
        onChange={(k) => setKind(k as DefinitionKind)}
        items={(overview.data?.items ?? []).map((i) => ({
          key: i.kind,
          label: `${kindName(i)} · v${i.inForce.version}${i.pending.length ? ` (+${i.pending.length})` : ''}`,
          children: i.kind === kind ? body : null,
        }))}
      />
      {overview.isPending ? <Card loading /> : null}
    </>
  );
}
