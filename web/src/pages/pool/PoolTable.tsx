import { Alert, Button, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelName } from '../../channels';
import { useFormat } from '../../format';
import { LeadName } from './LeadName';
import { PagerBar } from './PagerBar';
import { type PoolFilters, type PoolLead, poolList } from './poolApi';
import { triggerText } from './triggerText';
import { type ClaimOutcome, useClaim } from './useClaim';
import { useCursorPages } from './useCursorPages';

/**
 * One page of the pool (or of the re-surfaced leads) at a time, from the server cursor; Claim
 * per row and for the selected rows; a refusal is shown as the API words it.
 */
export function PoolTable(props: { filters: PoolFilters; segment: string | undefined; canClaim: boolean }) {
  const { t } = useTranslation();
  const channelName = useChannelName();
  const f = useFormat();
  const [selected, setSelected] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<ClaimOutcome | null>(null);
  const list = poolList(props.filters, props.segment);
  const pages = useCursorPages<PoolLead>(list.key, list.fetchPage);
  const claim = useClaim((o) => {
    setOutcome(o);
    setSelected((s) => s.filter((id) => !o.claimed.includes(id)));
  });
  const start = (ids: string[]) => {
    setOutcome(null);
    claim.mutate(ids);
  };
  const resurfacedView = props.filters.resurfaced === true;

  return (
    <>
      {outcome?.refusal ? (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setOutcome(null)}
          title={t('pool.claimRefused')}
          description={
            outcome.claimed.length
              ? `${t('pool.claimPartly', { done: outcome.claimed.length })} ${outcome.refusal}`
              : outcome.refusal
          }
          style={{ marginBottom: 12 }}
        />
      ) : outcome?.claimed.length ? (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setOutcome(null)}
          title={t('pool.claimed', { count: outcome.claimed.length })}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {props.canClaim ? (
        <Flex gap={8} style={{ marginBottom: 8 }}>
          <Button
            type="primary"
            disabled={!selected.length}
            loading={claim.isPending && selected.length > 0}
            onClick={() => start(selected)}
          >
            {t('pool.claimSelected', { count: selected.length })}
          </Button>
        </Flex>
      ) : null}
      <div style={{ overflowX: 'auto' }}>
        <Table<PoolLead>
          rowKey="id"
          size="middle"
          loading={pages.page.isFetching}
          dataSource={pages.items}
          pagination={false}
          locale={{ emptyText: <Typography.Text>{t('common.empty')}</Typography.Text> }}
          rowSelection={
            props.canClaim
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys.map(String)),
                  getCheckboxProps: (lead) => ({ 'aria-label': t('pool.select', { name: lead.name ?? lead.id }) }),
                }
              : undefined
          }
          columns={[
            {
              title: t('pool.columns.name'),
              key: 'name',
              render: (_, lead) => <LeadName lead={lead} brief={resurfacedView} />,
            },
            { title: t('pool.columns.company'), dataIndex: 'company', render: (v) => v ?? t('common.none') },
            { title: t('pool.columns.region'), dataIndex: 'region', render: (v) => v ?? t('common.none') },
            { title: t('pool.columns.industry'), dataIndex: 'industry', render: (v) => v ?? t('common.none') },
            {
              title: t('pool.columns.channel'),
              dataIndex: 'channel',
              render: (v) => channelName(v) ?? t('common.none'),
            },
            { title: t('pool.columns.score'), dataIndex: 'score', align: 'right', render: (v: number) => f.number(v) },
            {
              title: resurfacedView ? t('pool.columns.trigger') : t('pool.columns.tags'),
              key: 'tags',
              render: (_, lead) =>
                resurfacedView && lead.resurfaced
                  ? t('pool.resurfacedAt', {
                      at: f.dateTime(lead.resurfaced.at),
                      trigger: triggerText(t, lead.resurfaced.trigger),
                    })
                  : lead.tags.map((tag) => <Tag key={tag}>{tag}</Tag>),
            },
            ...(props.canClaim
              ? [
                  {
                    title: t('pool.columns.actions'),
                    key: 'actions',
                    render: (_: unknown, lead: PoolLead) => (
                      <Button size="small" onClick={() => start([lead.id])} disabled={claim.isPending}>
                        {t('pool.claim')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </div>
      <PagerBar
        pageNumber={pages.pageNumber}
        hasPrev={pages.hasPrev}
        hasNext={pages.hasNext}
        limit={pages.limit}
        onPrev={pages.prev}
        onNext={pages.next}
        onLimit={pages.setLimit}
      />
    </>
  );
}
