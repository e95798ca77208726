import { Alert, Button, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { ErrorView } from '../ErrorView';
import { LeadName } from './LeadName';
import { PagerBar } from './PagerBar';
import { fetchMyLeads, type PoolLead } from './poolApi';
import { ReleaseDialog } from './ReleaseDialog';
import { useCursorPages } from './useCursorPages';

/** The caller's working leads (GET /leads?ownerId=me&status=working), each with Release. */
export function MyLeads() {
  const { t } = useTranslation();
  const f = useFormat();
  const [releasing, setReleasing] = useState<PoolLead | null>(null);
  const [released, setReleased] = useState<string | null>(null);
  const pages = useCursorPages<PoolLead>(['pool', 'mine'], fetchMyLeads);
  if (pages.page.error) return <ErrorView error={pages.page.error} />;
  return (
    <>
      <Typography.Paragraph>{t('pool.mineHint')}</Typography.Paragraph>
      {released ? (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setReleased(null)}
          title={t('pool.released', { until: f.dateTime(released) })}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Table<PoolLead>
        rowKey="id"
        size="middle"
        loading={pages.page.isFetching}
        dataSource={pages.items}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: <Typography.Text>{t('common.empty')}</Typography.Text> }}
        columns={[
          { title: t('pool.columns.name'), key: 'name', render: (_, lead) => <LeadName lead={lead} /> },
          { title: t('pool.columns.company'), dataIndex: 'company', render: (v) => v ?? t('common.none') },
          { title: t('pool.columns.region'), dataIndex: 'region', render: (v) => v ?? t('common.none') },
          { title: t('pool.columns.score'), dataIndex: 'score', align: 'right', render: (v: number) => f.number(v) },
          {
            title: t('pool.columns.tags'),
            key: 'tags',
            render: (_, lead) => lead.tags.map((tag) => <Tag key={tag}>{tag}</Tag>),
          },
          { title: t('pool.columns.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => f.dateTime(v) },
          {
            title: t('pool.columns.actions'),
            key: 'actions',
            render: (_, lead) => (
              <Button
                size="small"
                onClick={() => {
                  setReleased(null);
                  setReleasing(lead);
                }}
              >
                {t('pool.release')}
              </Button>
            ),
          },
        ]}
      />
      <PagerBar
        pageNumber={pages.pageNumber}
        hasPrev={pages.hasPrev}
        hasNext={pages.hasNext}
        limit={pages.limit}
        onPrev={pages.prev}
        onNext={pages.next}
        onLimit={pages.setLimit}
      />
      <ReleaseDialog
        lead={releasing}
        onClose={(until) => {
          setReleasing(null);
          if (until) setReleased(until);
        }}
      />
    </>
  );
}
