import { Alert, Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import type { ScoringRules } from './ScoringTypes';

interface Props {
  /** The rules in force, filled in to start from. */
  rules: ScoringRules;
  version: number;
  onPreview: (rules: unknown, limit: number) => Promise<unknown>;
  onSave: (rules: unknown) => Promise<unknown>;
}

interface Values {
  json: string;
  limit: number;
}

/** The rules as JSON with "preview on real leads" and "save"; the API's field errors listed by path. */
export function ScoringEditor({ rules, version, onPreview, onSave }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState<'preview' | 'save' | null>(null);
  const startWith = JSON.stringify(rules, null, 2);
  // A new version in force starts the editor over; a refetch of the same version keeps what was typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the version on purpose
  useEffect(() => {
    form.setFieldsValue({ json: startWith });
    setErrors([]);
  }, [version, form]);

  const run = async (what: 'preview' | 'save') => {
    const { json, limit } = form.getFieldsValue();
    let candidate: unknown;
    try {
      candidate = JSON.parse(json);
    } catch (error) {
      setErrors([t('settingsScoring.invalidJson', { message: (error as Error).message })]);
      return;
    }
    setBusy(what);
    try {
      if (what === 'preview') await onPreview(candidate, limit ?? 20);
      else await onSave(candidate);
      setErrors([]);
    } catch (error) {
      const list = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
      setErrors(
        list.length
          ? list.map((e) => `${e.field}: ${e.message}`)
          : [error instanceof Error ? error.message : String(error)],
      );
    } finally {
      setBusy(null);
    }
  };

  return (
    <Form form={form} name="scoring-rules" layout="vertical" initialValues={{ limit: 20 }}>
      <Typography.Paragraph type="secondary">{t('settingsScoring.editHint')}</Typography.Paragraph>
      <Form.Item
        name="json"
        label={t('settingsScoring.rulesJson')}
        validateStatus={errors.length ? 'error' : undefined}
        help={
          errors.length ? (
            <Alert
              type="error"
              title={t('settingsScoring.fieldErrors')}
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
        <Input.TextArea rows={16} spellCheck={false} style={{ fontFamily: 'monospace', fontSize: 12 }} />
      </Form.Item>
      <Space align="end" wrap>
        <Form.Item name="limit" label={t('settingsScoring.limit')} style={{ marginBottom: 0 }}>
          <InputNumber min={1} max={200} precision={0} />
        </Form.Item>
        <Button onClick={() => void run('preview')} loading={busy === 'preview'}>
          {t('settingsScoring.preview')}
        </Button>
        <Button type="primary" onClick={() => void run('save')} loading={busy === 'save'}>
          {t('settingsScoring.save')}
        </Button>
      </Space>
    </Form>
  );
}
