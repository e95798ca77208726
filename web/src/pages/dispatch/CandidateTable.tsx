import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import type { Rep } from '../../reps';
import { availability } from './dispatchApi';

// Dark text on antd's light tag backgrounds keeps WCAG AA contrast.
const fitStyle = {
  available: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  full: { color: '#612500', background: '#fff7e6', borderColor: '#ffd591' },
  unavailable: { color: '#820014', background: '#fff1f0', borderColor: '#ffa39e' },
} as const;

/** The reps who could take the lead: load against capacity, this month's eligibility, suspension. */
export function CandidateTable({ reps, ownerId }: { reps: Rep[]; ownerId: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Table<Rep>
      rowKey="userId"
      size="small"
      pagination={false}
      dataSource={reps}
      scroll={{ x: 760 }}
      columns={[
        {
          title: t('dispatch.candidates.name'),
          key: 'name',
          render: (_, rep) => (
            <>
              {rep.name}
              {rep.userId === ownerId ? (
                <Tag style={{ marginInlineStart: 8 }}>{t('dispatch.candidates.accountOwner')}</Tag>
              ) : null}
            </>
          ),
        },
        {
          title: t('dispatch.candidates.department'),
          key: 'department',
          render: (_, rep) => rep.profile?.department ?? t('common.none'),
        },
        {
          title: t('dispatch.candidates.regions'),
          key: 'regions',
          render: (_, rep) => rep.profile?.regionNames.join('、') || t('common.none'),
        },
        {
          title: t('dispatch.candidates.load'),
          key: 'load',
          align: 'right',
          render: (_, rep) =>
            `${f.number(rep.status.openMqls)} / ${rep.profile ? f.number(rep.profile.capacity) : t('dispatch.candidates.noProfile')}`,
        },
        {
          title: t('dispatch.candidates.eligibility'),
          key: 'eligible',
          render: (_, rep) =>
            rep.status.eligible ? t('dispatch.candidates.eligible') : t('dispatch.candidates.notEligible'),
        },
        {
          title: t('dispatch.candidates.suspension'),
          key: 'suspension',
          render: (_, rep) =>
            rep.status.suspendedUntil
              ? t('dispatch.candidates.suspendedUntil', { until: f.date(rep.status.suspendedUntil) })
              : t('dispatch.candidates.notSuspended'),
        },
        {
          title: t('dispatch.candidates.fit'),
          key: 'fit',
          render: (_, rep) => {
            const fit = availability(rep);
            return <Tag style={fitStyle[fit]}>{t(`dispatch.candidates.${fit}`)}</Tag>;
          },
        },
      ]}
    />
  );
}
