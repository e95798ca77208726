import { Alert, Button, DatePicker, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError } from '../../api';
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
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const startWith = criteriaJson(current);
  // Only a new version in force (or another kind) starts the editor over; a refetch keeps what was typed.
  useEffect(() => {
    form.setFieldsValue({ criteria: startWith, note: '', effectiveFrom: null });
    setErrors([]);
  }, [startWith, form]);

  const submit = async (values: Values) => {
    let criteria: unknown;
    try {
      criteria = JSON.parse(values.criteria);
    } catch (error) {
      setErrors([t('settingsDefinitions.invalidJson', { message: (error as Error).message })]);
      return;
    }
    setBusy(true);
    try {
      await onPropose({
        criteria,
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
        ...(values.effectiveFrom ? { effectiveFrom: values.effectiveFrom.toISOString() } : {}),
      });
      setErrors([]);
    } catch (error) {
      const fieldErrors: FieldError[] = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
      setErrors(
        fieldErrors.length
          ? fieldErrors.map((e) => `${e.field}: ${e.message}`)
          : [error instanceof Error ? error.message : String(error)],
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} name={`definition-propose-${kind}`} layout="vertical" onFinish={submit}>
      <Typography.Paragraph type="secondary">{t('settingsDefinitions.proposeHint')}</Typography.Paragraph>
      <Form.Item
        name="criteria"
        label={t('settingsDefinitions.criteriaJson')}
        validateStatus={errors.length ? 'error' : undefined}
        help={
          errors.length ? (
            <Alert
              type="error"
              title={t('settingsDefinitions.fieldErrors')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {errors.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              }
              style={{ margin: '8px 0' }}
            />
          ) : undefined
        }
      >
        <Input.TextArea rows={12} spellCheck={false} style={{ fontFamily: 'monospace', fontSize: 12 }} />
      </Form.Item>
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
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('settingsDefinitions.submit')}
      </Button>
    </Form>
  );
}
