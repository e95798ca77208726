import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useFormat } from '../../format';
import { ErrorView } from '../ErrorView';
import { type DefinitionKind, type DefinitionVersion, definitionsKey } from './DefinitionTypes';

const statusColor = { pending: 'orange', approved: 'green', rejected: 'red' } as const;

/** Every version of one definition, newest first, with its status and approvals. */
export function DefinitionHistory({ kind }: { kind: DefinitionKind }) {
  const { t } = useTranslation();
  const f = useFormat();
  const versions = useQuery({
    queryKey: [...definitionsKey, kind, 'versions'],
    queryFn: () =>
      api<{ kind: DefinitionKind; inForce: number; items: DefinitionVersion[] }>(
        'GET',
        `/definitions/${kind}/versions`,
      ),
  });
  if (versions.error) return <ErrorView error={versions.error} />;
  const inForce = versions.data?.inForce;
  return (
    <>
      <Typography.Title level={4}>{t('settingsDefinitions.history')}</Typography.Title>
      <Table<DefinitionVersion>
        rowKey="version"
        size="small"
        loading={versions.isPending}
        dataSource={[...(versions.data?.items ?? [])].reverse()}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          {
            title: t('settingsDefinitions.versionCol'),
            dataIndex: 'version',
            render: (v: number) => (
              <>
                {v} {v === inForce ? <Tag color="blue">{t('settingsDefinitions.inForce')}</Tag> : null}
              </>
            ),
          },
          {
            title: t('settingsDefinitions.statusCol'),
            dataIndex: 'status',
            render: (s: DefinitionVersion['status']) => (
              <Tag color={statusColor[s]}>{t(`settingsDefinitions.status.${s}`)}</Tag>
            ),
          },
          {
            title: t('settingsDefinitions.proposedBy'),
            render: (_, v) => (v.proposedBy ? t(`roles.${v.proposedBy.role}`) : t('settingsDefinitions.system')),
          },
          {
            title: t('settingsDefinitions.proposedAt'),
            render: (_, v) => (v.proposedBy ? f.dateTime(v.proposedAt) : t('common.none')),
          },
          {
            title: t('settingsDefinitions.approvals'),
            render: (_, v) =>
              v.approvals.length
                ? v.approvals.map((a) => `${t(`settingsDefinitions.side.${a.side}`)} · ${f.dateTime(a.at)}`).join('; ')
                : t('common.none'),
          },
          {
            title: t('settingsDefinitions.effectiveFrom'),
            render: (_, v) =>
              v.status === 'approved'
                ? v.proposedBy
                  ? f.dateTime(v.effectiveFrom)
                  : t('settingsDefinitions.fromBeginning')
                : t('common.none'),
          },
          {
            title: t('settingsDefinitions.rejection'),
            render: (_, v) => v.rejection?.reason ?? t('common.none'),
          },
        ]}
      />
    </>
  );
}
