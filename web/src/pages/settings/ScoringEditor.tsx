import { Button, Form, InputNumber, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { JsonField, useJsonSubmit } from '../../components/JsonField';
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
  const { errors, setErrors, busy, submit } = useJsonSubmit((message) => t('settingsScoring.invalidJson', { message }));
  const startWith = JSON.stringify(rules, null, 2);
  // A new version in force starts the editor over; a refetch of the same version keeps what was typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the version on purpose
  useEffect(() => {
    form.setFieldsValue({ json: startWith });
    setErrors([]);
  }, [version, form]);

  const run = (what: 'preview' | 'save') => {
    const { json, limit } = form.getFieldsValue();
    return submit(
      json,
      (candidate) => (what === 'preview' ? onPreview(candidate, limit ?? 20) : onSave(candidate)),
      what,
    );
  };

  return (
    <Form form={form} name="scoring-rules" layout="vertical" initialValues={{ limit: 20 }}>
      <Typography.Paragraph type="secondary">{t('settingsScoring.editHint')}</Typography.Paragraph>
      <JsonField
        name="json"
        label={t('settingsScoring.rulesJson')}
        errorsTitle={t('settingsScoring.fieldErrors')}
        errors={errors}
        rows={16}
      />
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
