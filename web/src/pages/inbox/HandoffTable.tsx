import { Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HandoffItem } from './types';

/** Hand-offs as the inbox lists them: the lead (a link to its hand-off), its company, then `columns`. */
export function HandoffTable({
  items,
  loading,
  emptyText,
  columns,
}: {
  items: HandoffItem[];
  loading: boolean;
  emptyText: string;
  columns: TableColumnsType<HandoffItem>;
}) {
  const { t } = useTranslation();
  return (
    <Table<HandoffItem>
      rowKey={(item) => item.handoff.id}
      loading={loading}
      dataSource={items}
      pagination={false}
      scroll={{ x: 'max-content' }}
      // As text, not antd's placeholder grey (#bfbfbf, 1.8:1 on white).
      locale={{ emptyText: <Typography.Text>{emptyText}</Typography.Text> }}
      columns={[
        {
          title: t('inbox.columns.lead'),
          key: 'lead',
          render: (_, item) => (
            <Link to={`/handoffs/${item.handoff.id}`}>{item.lead.name ?? t('handoff.unnamed')}</Link>
          ),
        },
        {
          title: t('inbox.columns.company'),
          key: 'company',
          render: (_, item) => item.lead.company ?? t('common.none'),
        },
        ...columns,
      ]}
    />
  );
}
