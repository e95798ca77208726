import { Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChannelName, useChannels } from '../../channels';
import { OrderedItemCard, type OrderedItemProps } from '../../components/OrderedItemCard';
import { useConditionText } from './RoutingConditionText';
import {
  type ConditionMode,
  channelPaths,
  conditionOf,
  grades,
  listOps,
  type RuleRow,
  routeFields,
  routeOps,
  routingPaths,
} from './RoutingModel';

const statuses = ['new', 'working', 'nurturing', 'mql', 'sql', 'opportunity', 'won', 'lost', 'disqualified'];
const numericOps = ['lt', 'lte', 'gt', 'gte'];

/** The operators that make sense for a field (as the API's validator allows them). */
function opsFor(field: string | undefined): readonly string[] {
  if (field === 'score') return ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin'];
  if (field === 'flags') return ['contains', 'prefix', 'in', 'nin'];
  if (field === 'custom') return routeOps;
  return routeOps.filter((op) => !numericOps.includes(op));
}

/** The value input of a simple condition: known values offered, several for in/nin. */
function ValueField({ name, row, onChange }: { name: number; row: RuleRow | undefined; onChange(): void }) {
  const { t } = useTranslation();
  const channels = useChannels();
  const channelName = useChannelName();
  const multiple = listOps.includes(row?.op ?? '');
  const label = multiple ? t('settingsRouting.form.values') : t('settingsRouting.form.value');
  const options =
    row?.field === 'channel'
      ? (channels.data?.items ?? []).map((c) => ({ value: c.id, label: channelName(c.id) }))
      : row?.field === 'channelPath'
        ? channelPaths.map((p) => ({ value: p, label: t(`settingsRouting.paths.${p}`) }))
        : row?.field === 'status'
          ? statuses.map((s) => ({ value: s, label: t(`common.status.${s}`) }))
          : row?.field === 'grade'
            ? grades.map((g) => ({ value: g, label: g }))
            : null;
  let input = <Input style={{ width: 220 }} onChange={onChange} />;
  if (multiple) input = <Select mode="tags" onChange={onChange} style={{ minWidth: 220 }} options={options ?? []} />;
  else if (options)
    input = (
      <Select showSearch={{ optionFilterProp: 'label' }} onChange={onChange} style={{ width: 220 }} options={options} />
    );
  return (
    <Form.Item name={[name, 'value']} label={label}>
      {input}
    </Form.Item>
  );
}

/** One rule being edited: where matching leads go and when it matches, with the condition read back in words. */
export function RoutingRuleFields({ name, index, count, onRemove, onMove }: OrderedItemProps) {
  const { t } = useTranslation();
  const conditionText = useConditionText();
  const row = Form.useWatch(['rules', name]) as RuleRow | undefined;
  const form = Form.useFormInstance();
  const n = index + 1;
  const title = t('settingsRouting.rule', { n });
  const condition = conditionOf(row);
  const summary =
    condition === undefined
      ? '…'
      : `${conditionText(condition)} → ${row?.path ? t(`settingsRouting.paths.${row.path}`) : '…'}`;
  const modes: ConditionMode[] = ['simple', 'json', 'always'];
  // A description written for the old condition would now mislead; left empty, the API words the new one.
  const conditionChanged = () => form.setFieldValue(['rules', name, 'description'], undefined);
  return (
    <OrderedItemCard
      label={title}
      title={`${title} · ${summary}`}
      index={index}
      count={count}
      onMove={onMove}
      onRemove={onRemove}
      texts="settingsRouting.form"
    >
      <Space wrap align="start">
        <Form.Item name={[name, 'mode']} label={t('settingsRouting.form.mode')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 200 }}
            options={modes.map((m) => ({ value: m, label: t(`settingsRouting.form.modes.${m}`) }))}
            onChange={(mode: ConditionMode) => {
              conditionChanged();
              // Switching to JSON keeps the condition written so far.
              if (mode === 'json' && row?.mode === 'simple') {
                form.setFieldValue(['rules', name, 'json'], JSON.stringify(conditionOf(row), null, 2));
              }
            }}
          />
        </Form.Item>
        {row?.mode === 'simple' ? (
          <>
            <Form.Item name={[name, 'field']} label={t('settingsRouting.form.field')}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 180 }}
                options={[...routeFields, 'custom'].map((f) => ({ value: f, label: t(`settingsRouting.fields.${f}`) }))}
                onChange={(field: string) => {
                  conditionChanged();
                  if (!opsFor(field).includes(row.op ?? ''))
                    form.setFieldValue(['rules', name, 'op'], opsFor(field)[0]);
                  form.setFieldValue(['rules', name, 'value'], undefined);
                }}
              />
            </Form.Item>
            {row.field === 'custom' ? (
              <Form.Item name={[name, 'customName']} label={t('settingsRouting.form.customName')}>
                <Input style={{ width: 160 }} onChange={conditionChanged} />
              </Form.Item>
            ) : null}
            <Form.Item name={[name, 'op']} label={t('settingsRouting.form.op')}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 140 }}
                options={opsFor(row.field).map((op) => ({ value: op, label: t(`settingsRouting.ops.${op}`) }))}
                onChange={(op: string) => {
                  conditionChanged();
                  const v = row.value;
                  if (listOps.includes(op) && !Array.isArray(v))
                    form.setFieldValue(['rules', name, 'value'], v === undefined || v === '' ? [] : [v]);
                  if (!listOps.includes(op) && Array.isArray(v)) form.setFieldValue(['rules', name, 'value'], v[0]);
                }}
              />
            </Form.Item>
            <ValueField name={name} row={row} onChange={conditionChanged} />
          </>
        ) : null}
        <Form.Item name={[name, 'path']} label={t('settingsRouting.form.path')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 180 }}
            options={routingPaths.map((p) => ({ value: p, label: t(`settingsRouting.paths.${p}`) }))}
          />
        </Form.Item>
      </Space>
      {row?.mode === 'json' ? (
        <Form.Item
          name={[name, 'json']}
          label={t('settingsRouting.form.json')}
          extra={t('settingsRouting.form.jsonHelp')}
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                try {
                  JSON.parse(value ?? '');
                } catch {
                  throw new Error(t('settingsRouting.form.badJson'));
                }
              },
            },
          ]}
        >
          <Input.TextArea
            onChange={conditionChanged}
            autoSize={{ minRows: 3, maxRows: 12 }}
            style={{ fontFamily: 'monospace' }}
          />
        </Form.Item>
      ) : null}
      <Space wrap align="start">
        <Form.Item name={[name, 'id']} label={t('settingsRouting.form.id')}>
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name={[name, 'description']} label={t('settingsRouting.form.description')}>
          <Input style={{ width: 480 }} />
        </Form.Item>
      </Space>
    </OrderedItemCard>
  );
}
