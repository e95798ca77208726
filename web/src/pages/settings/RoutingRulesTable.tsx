import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConditionText } from './RoutingConditionText';
import type { RoutingRule } from './RoutingModel';

const pathColour = { direct_to_sales: 'green', sdr_queue: 'blue', disqualified: 'default', pool: 'gold' } as const;

/** The rules in force, in order, read as sentences: "channel is one of …" → where the lead goes. */
export function RoutingRulesTable({ rules, loading }: { rules: RoutingRule[]; loading: boolean }) {
  const { t } = useTranslation();
  const conditionText = useConditionText();
  return (
    <Table<RoutingRule>
      rowKey="id"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={rules}
      aria-label={t('settingsRouting.inForce')}
      columns={[
        { title: t('settingsRouting.columns.order'), key: 'order', width: 64, render: (_v, _r, i) => i + 1 },
        {
          title: t('settingsRouting.columns.condition'),
          key: 'condition',
          render: (_v, r) => conditionText(r.condition),
        },
        {
          title: t('settingsRouting.columns.path'),
          dataIndex: 'path',
          render: (path: RoutingRule['path']) => (
            <Tag color={pathColour[path]}>{t(`settingsRouting.paths.${path}`)}</Tag>
          ),
        },
        { title: t('settingsRouting.columns.description'), dataIndex: 'description' },
      ]}
    />
  );
}
