import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LeadStatusTag } from '../../components/LeadStatusTag';
import { useFormat } from '../../format';
import { HandoffTable } from './HandoffTable';
import { OpportunityModal } from './OpportunityModal';
import type { HandoffItem } from './types';

/** Accepted hand-offs, newest first, with opportunity registration on leads still at `sql`. */
export function AcceptedTable({
  items,
  loading,
  onDone,
}: {
  items: HandoffItem[];
  loading: boolean;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [registering, setRegistering] = useState<HandoffItem | null>(null);
  return (
    <>
      <HandoffTable
        items={items}
        loading={loading}
        emptyText={t('inbox.emptyAccepted')}
        columns={[
          {
            title: t('inbox.columns.acceptedAt'),
            key: 'acceptedAt',
            render: (_, item) => format.dateTime(item.handoff.decision?.at),
          },
          {
            title: t('inbox.columns.status'),
            key: 'status',
            render: (_, item) => (item.lead.status ? <LeadStatusTag status={item.lead.status} /> : t('common.none')),
          },
          {
            title: t('inbox.columns.actions'),
            key: 'actions',
            render: (_, item) =>
              item.lead.status === 'sql' ? (
                <Button onClick={() => setRegistering(item)}>{t('inbox.opportunity.register')}</Button>
              ) : null,
          },
        ]}
      />
      {registering ? (
        <OpportunityModal item={registering} onClose={() => setRegistering(null)} onDone={onDone} />
      ) : null}
    </>
  );
}
