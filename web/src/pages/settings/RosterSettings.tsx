import { useQuery } from '@tanstack/react-query';
import { Button, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { type Rep, repsQuery } from '../../reps';
import { ErrorView } from '../ErrorView';
import { EligibilityEditor } from './EligibilityEditor';
import { RepEditor } from './RepEditor';

/** Settings → roster: every rep's routing profile, load and standing (GET /reps), editable. */
export function RosterSettings() {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState<Rep | null>(null);
  const reps = useQuery(repsQuery);
  if (reps.error) return <ErrorView error={reps.error} />;
  const items = reps.data?.items ?? [];
  const list = (values: string[] | undefined) => (values?.length ? values.join('、') : t('common.none'));
  return (
    <>
      <Typography.Title level={3}>{t('settings.roster')}</Typography.Title>
      <Table<Rep>
        rowKey="userId"
        loading={reps.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('settings.rep.name'), dataIndex: 'name' },
          { title: t('settings.rep.department'), render: (_, r) => r.profile?.department ?? t('common.none') },
          { title: t('settings.rep.regions'), render: (_, r) => list(r.profile?.regionNames) },
          { title: t('settings.rep.industries'), render: (_, r) => list(r.profile?.industries) },
          { title: t('settings.rep.level'), render: (_, r) => r.profile?.level ?? t('common.none') },
          {
            title: t('settings.rep.weight'),
            render: (_, r) => (r.profile ? format.number(r.profile.weight, 2) : t('common.none')),
          },
          {
            title: t('settings.rep.load'),
            render: (_, r) => (r.profile ? `${r.status.openMqls} / ${r.profile.capacity}` : r.status.openMqls),
          },
          {
            title: t('settings.rep.eligible'),
            render: (_, r) => (r.status.eligible ? <Tag color="green">✓</Tag> : <Tag>{t('common.none')}</Tag>),
          },
          {
            title: t('settings.rep.suspended'),
            render: (_, r) =>
              r.status.suspendedUntil ? (
                <Tag color="red">{format.date(r.status.suspendedUntil)}</Tag>
              ) : (
                t('common.none')
              ),
          },
          { title: t('settings.rep.breaches'), render: (_, r) => r.status.consecutiveBreaches },
          {
            title: t('settings.rep.edit'),
            key: 'edit',
            render: (_, r) => (
              <Button size="small" onClick={() => setEditing(r)} aria-label={`${t('settings.rep.edit')}: ${r.name}`}>
                {t('settings.rep.edit')}
              </Button>
            ),
          },
        ]}
      />
      <RepEditor rep={editing} onClose={() => setEditing(null)} />
      <EligibilityEditor reps={items} />
    </>
  );
}
