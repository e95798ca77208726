import { Button, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrderedItemCard, type OrderedItemProps } from '../../components/OrderedItemCard';
import { answerTypes } from './FrameworkModel';

/** The options of a choice criterion: value, labels in both languages, points of their own. */
function ChoiceOptions({ criterion }: { criterion: number }) {
  const { t } = useTranslation();
  return (
    <Form.List name={[criterion, 'answer', 'options']}>
      {(fields, { add, remove }) => (
        <fieldset
          aria-labelledby={`criterion-${criterion}-options`}
          style={{ border: 0, padding: 0, margin: '0 0 16px', minWidth: 0 }}
        >
          <Typography.Paragraph strong id={`criterion-${criterion}-options`} style={{ marginBottom: 8 }}>
            {t('settingsFrameworks.form.options')}
          </Typography.Paragraph>
          {fields.map((field, i) => (
            <Space
              style={{ display: 'flex' }}
              key={field.key}
              align="start"
              wrap
              role="group"
              aria-label={t('settingsFrameworks.form.option', { n: i + 1 })}
            >
              <Form.Item name={[field.name, 'value']} label={t('settingsFrameworks.form.optionValue')}>
                <Input style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name={[field.name, 'label', 'zh']} label={t('settingsFrameworks.form.optionLabelZh')}>
                <Input style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name={[field.name, 'label', 'en']} label={t('settingsFrameworks.form.optionLabelEn')}>
                <Input style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name={[field.name, 'points']} label={t('settingsFrameworks.form.optionPoints')}>
                <InputNumber style={{ width: 100 }} />
              </Form.Item>
              <Form.Item label=" " colon={false}>
                <Button
                  onClick={() => remove(field.name)}
                  aria-label={t('settingsFrameworks.form.removeOption', { n: i + 1 })}
                >
                  ×
                </Button>
              </Form.Item>
            </Space>
          ))}
          <Button onClick={() => add({ label: {} })}>{t('settingsFrameworks.form.addOption')}</Button>
        </fieldset>
      )}
    </Form.List>
  );
}

/** What the answer type takes besides its type: options, limits, a length. */
function AnswerDetails({ criterion }: { criterion: number }) {
  const { t } = useTranslation();
  const type = Form.useWatch(['criteria', criterion, 'answer', 'type']);
  if (type === 'choice') return <ChoiceOptions criterion={criterion} />;
  if (type === 'number') {
    return (
      <Space wrap align="start">
        <Form.Item name={[criterion, 'answer', 'min']} label={t('settingsFrameworks.form.min')}>
          <InputNumber />
        </Form.Item>
        <Form.Item name={[criterion, 'answer', 'max']} label={t('settingsFrameworks.form.max')}>
          <InputNumber />
        </Form.Item>
        <Form.Item name={[criterion, 'answer', 'unit']} label={t('settingsFrameworks.form.unit')}>
          <Input style={{ width: 120 }} />
        </Form.Item>
      </Space>
    );
  }
  if (type === 'text') {
    return (
      <Form.Item name={[criterion, 'answer', 'maxLength']} label={t('settingsFrameworks.form.maxLength')}>
        <InputNumber precision={0} />
      </Form.Item>
    );
  }
  return null;
}

/** One criterion of a template being edited: its key, labels, question, answer type and points. */
export function FrameworkCriterionFields({ name, index, count, onRemove, onMove }: OrderedItemProps) {
  const { t } = useTranslation();
  const n = index + 1;
  const title = t('settingsFrameworks.form.criterion', { n });
  return (
    <OrderedItemCard
      label={title}
      index={index}
      count={count}
      onMove={onMove}
      onRemove={onRemove}
      canRemove={count > 1}
      texts="settingsFrameworks.form"
      removeKey="removeCriterion"
    >
      <Space wrap align="start">
        <Form.Item name={[name, 'key']} label={t('settingsFrameworks.form.key')}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name={[name, 'label', 'zh']} label={t('settingsFrameworks.form.labelZh')}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name={[name, 'label', 'en']} label={t('settingsFrameworks.form.labelEn')}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name={[name, 'answer', 'type']} label={t('settingsFrameworks.form.answerType')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 160 }}
            options={answerTypes.map((a) => ({ value: a, label: t(`settingsFrameworks.types.${a}`) }))}
          />
        </Form.Item>
        <Form.Item
          name={[name, 'points']}
          label={t('settingsFrameworks.form.points')}
          tooltip={t('settingsFrameworks.form.pointsHelp')}
        >
          <InputNumber style={{ width: 100 }} />
        </Form.Item>
      </Space>
      <Form.Item name={[name, 'question', 'zh']} label={t('settingsFrameworks.form.questionZh')}>
        <Input />
      </Form.Item>
      <Form.Item name={[name, 'question', 'en']} label={t('settingsFrameworks.form.questionEn')}>
        <Input />
      </Form.Item>
      <AnswerDetails criterion={name} />
    </OrderedItemCard>
  );
}
