import { Card, Form, InputNumber, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { grades } from './RoutingModel';

/** The routing policy of SPEC §5.2: the CRM conflict rule's N and M, partial credit, rotation, skill. */
export function RoutingPolicyFields() {
  const { t } = useTranslation();
  const skillOn = Form.useWatch(['policy', 'skillOn']) as boolean | undefined;
  return (
    <Card title={t('settingsRouting.policy')} size="small" style={{ marginBottom: 16 }}>
      <Space wrap align="start" size="large">
        <Form.Item
          name={['policy', 'conflictInactiveDays']}
          label={t('settingsRouting.policyFields.conflictInactiveDays')}
        >
          <InputNumber precision={0} />
        </Form.Item>
        <Form.Item name={['policy', 'firstContactDays']} label={t('settingsRouting.policyFields.firstContactDays')}>
          <InputNumber precision={0} />
        </Form.Item>
        <Form.Item name={['policy', 'partialCredit']} label={t('settingsRouting.policyFields.partialCredit')}>
          <InputNumber step={0.05} />
        </Form.Item>
        <Form.Item name={['policy', 'balance']} label={t('settingsRouting.policyFields.balance')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 300 }}
            options={[
              { value: 'weight', label: t('settingsRouting.policyFields.balanceWeight') },
              { value: 'department', label: t('settingsRouting.policyFields.balanceDepartment') },
            ]}
          />
        </Form.Item>
      </Space>
      <Space wrap align="start" size="large">
        <Form.Item name={['policy', 'skillOn']} label={t('settingsRouting.policyFields.skill')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {skillOn ? (
          <>
            <Form.Item
              name={['policy', 'skill', 'mustWinGrades']}
              label={t('settingsRouting.policyFields.mustWinGrades')}
            >
              <Select mode="multiple" style={{ minWidth: 240 }} options={grades.map((g) => ({ value: g, label: g }))} />
            </Form.Item>
            <Form.Item name={['policy', 'skill', 'topLevel']} label={t('settingsRouting.policyFields.topLevel')}>
              <InputNumber precision={0} />
            </Form.Item>
          </>
        ) : null}
      </Space>
    </Card>
  );
}
