import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { HandoffTable } from './HandoffTable';
import { SlaCountdown } from './SlaCountdown';
import type { HandoffItem } from './types';
import { useNow } from './useNow';

/** Pending hand-offs, earliest deadline first: lead, company, SDR, how long it has waited, the SLA countdown. */
export function PendingTable({
  items,
  loading,
  fetchedAt,
  showRep,
}: {
  items: HandoffItem[];
  loading: boolean;
  fetchedAt: number;
  showRep: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow(30_000);
  // Ages by the server's clock (asOf), moved on by the time since the fetch: the browser's clock may differ.
  const asOf = items.find((i) => i.sla)?.sla?.asOf;
  const serverNow = asOf ? new Date(asOf).getTime() + Math.max(0, now - fetchedAt) : now;
  return (
    <HandoffTable
      items={items}
      loading={loading}
      emptyText={t('inbox.emptyPending')}
      columns={[
        { title: t('inbox.columns.sdr'), key: 'sdr', render: (_, item) => item.sdrName ?? t('common.none') },
        ...(showRep
          ? [
              {
                title: t('handoff.facts.rep'),
                key: 'rep',
                render: (_: unknown, item: HandoffItem) => item.repName ?? t('common.none'),
              },
            ]
          : []),
        {
          title: t('inbox.columns.age'),
          key: 'age',
          render: (_, item) => (
            <Typography.Text>{format.duration(serverNow - new Date(item.handoff.createdAt).getTime())}</Typography.Text>
          ),
        },
        {
          title: t('inbox.columns.sla'),
          key: 'sla',
          render: (_, item) => (item.sla ? <SlaCountdown sla={item.sla} fetchedAt={fetchedAt} /> : t('common.none')),
        },
      ]}
    />
  );
}
