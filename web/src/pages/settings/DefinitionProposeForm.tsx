import { Button, DatePicker, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { JsonField, useJsonSubmit } from '../../components/JsonField';
import { criteriaJson } from './DefinitionTypes';

interface Props {
  /** The criteria of the version in force, filled in to start from. */
  current: unknown;
  kind: string;
  onPropose: (body: { criteria: unknown; note?: string; effectiveFrom?: string }) => Promise<unknown>;
}

interface Values {
  criteria: string;
  note?: string;
  effectiveFrom?: Dayjs | null;
}

/**
 * Proposing a new version: the criteria as JSON (the version in force filled in) and a note.
 * The API's field errors are listed with their field path under the editor; what was typed stays.
 */
export function DefinitionProposeForm({ current, kind, onPropose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { errors, setErrors, busy, submit } = useJsonSubmit((message) =>
    t('settingsDefinitions.invalidJson', { message }),
  );
  const startWith = criteriaJson(current);
  // Only a new version in force (or another kind) starts the editor over; a refetch keeps what was typed.
  useEffect(() => {
    form.setFieldsValue({ criteria: startWith, note: '', effectiveFrom: null });
    setErrors([]);
  }, [startWith, form, setErrors]);

  const propose = (values: Values) =>
    submit(values.criteria, (criteria) =>
      onPropose({
        criteria,
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
        ...(values.effectiveFrom ? { effectiveFrom: values.effectiveFrom.toISOString() } : {}),
      }),
    );

  return (
    <Form form={form} name={`definition-propose-${kind}`} layout="vertical" onFinish={propose}>
      <Typography.Paragraph type="secondary">{t('settingsDefinitions.proposeHint')}</Typography.Paragraph>
      <JsonField
        name="criteria"
        label={t('settingsDefinitions.criteriaJson')}
        errorsTitle={t('settingsDefinitions.fieldErrors')}
        errors={errors}
        rows={12}
      />
      <Form.Item
        name="effectiveFrom"
        label={t('settingsDefinitions.proposeFrom')}
        extra={t('settingsDefinitions.proposeFromHint')}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item name="note" label={t('settingsDefinitions.proposeNote')}>
        <Input maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy !== null}>
        {t('settingsDefinitions.submit')}
      </Button>
    </Form>
  );
}
