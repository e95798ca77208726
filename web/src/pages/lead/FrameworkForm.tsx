import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Radio, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useFormat } from '../../format';
import { showFieldErrors } from '../../forms';
import { muted } from '../queue/styles';
import { type AnswerType, bilingual, type Framework, type Qualification } from './lead-api';

type Answers = Record<string, string | number | null | undefined>;

/** The client's check of one answer, as validate-answers.ts checks it on the server. */
function rulesOf(answer: AnswerType, t: (key: string, values?: Record<string, unknown>) => string): Rule[] {
  if (answer.type === 'number') {
    const { min, max } = answer;
    const message =
      min !== undefined && max !== undefined
        ? t('lead.qualification.numberRange', { min, max })
        : min !== undefined
          ? t('lead.qualification.numberMin', { min })
          : t('lead.qualification.numberMax', { max });
    return [{ type: 'number', min, max, message }];
  }
  if (answer.type === 'text')
    return [{ max: answer.maxLength, message: t('lead.qualification.textMax', { max: answer.maxLength }) }];
  return [];
}

/** Form.Item hands its child id, value, onChange and aria-* (invalid, describedby): passed on to the control. */
interface ControlProps {
  id?: string;
  value?: string | number | null;
  onChange?: (value: unknown) => void;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
}

function AnswerInput({ answer, label, ...control }: { answer: AnswerType; label: string } & ControlProps) {
  const { t, i18n } = useTranslation();
  const aria = { 'aria-invalid': control['aria-invalid'], 'aria-describedby': control['aria-describedby'] };
  if (answer.type === 'yes_no_unknown') {
    return (
      <Radio.Group
        {...control}
        onChange={(e) => control.onChange?.(e.target.value)}
        aria-label={label}
        optionType="button"
        options={(['yes', 'no', 'unknown'] as const).map((v) => ({ value: v, label: t(`lead.qualification.${v}`) }))}
      />
    );
  }
  if (answer.type === 'choice') {
    return (
      <Radio.Group
        {...control}
        onChange={(e) => control.onChange?.(e.target.value)}
        aria-label={label}
        options={answer.options.map((o) => ({ value: o.value, label: bilingual(o.label, i18n.language) }))}
      />
    );
  }
  if (answer.type === 'number')
    return (
      <InputNumber
        id={control.id}
        {...aria}
        value={typeof control.value === 'number' ? control.value : null}
        onChange={(v) => control.onChange?.(v)}
        style={{ width: 200 }}
        suffix={answer.unit}
      />
    );
  return (
    <Input.TextArea
      id={control.id}
      {...aria}
      value={typeof control.value === 'string' ? control.value : ''}
      onChange={(e) => control.onChange?.(e.target.value)}
      rows={2}
    />
  );
}

/** One framework's questions for this lead; saves with PUT /leads/{id}/qualification. */
export function FrameworkForm({
  leadId,
  framework,
  saved,
}: {
  leadId: string;
  framework: Framework;
  saved: Qualification | undefined;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const [form] = Form.useForm<{ answers: Answers }>();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const name = bilingual(framework.name, i18n.language);

  async function submit(values: { answers: Answers }) {
    setBusy(true);
    setProblems([]);
    setDone(null);
    const answers = Object.fromEntries(
      Object.entries(values.answers ?? {}).filter(([, v]) => v !== undefined && v !== ''),
    );
    try {
      const result = await api<Qualification>('PUT', `/leads/${leadId}/qualification`, {
        framework: framework.id,
        answers,
      });
      setDone(t('lead.qualification.saved', { framework: name, points: result.points }));
      await client.invalidateQueries({ queryKey: ['lead', leadId] });
    } catch (e) {
      setProblems(showFieldErrors(form, e, ['answers']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form
      form={form}
      name={`qualification-${framework.id}`}
      layout="vertical"
      onFinish={submit}
      initialValues={{ answers: saved?.answers ?? {} }}
      aria-label={name}
    >
      {problems.length ? <Alert type="error" title={problems.join('; ')} style={{ marginBottom: 12 }} /> : null}
      {done ? <Alert type="success" title={done} style={{ marginBottom: 12 }} /> : null}
      {framework.criteria.map((c) => {
        const label = bilingual(c.label, i18n.language);
        return (
          <Form.Item
            key={c.key}
            label={label}
            name={['answers', c.key]}
            extra={<span style={muted}>{bilingual(c.question, i18n.language)}</span>}
            rules={rulesOf(c.answer, t)}
          >
            <AnswerInput answer={c.answer} label={label} />
          </Form.Item>
        );
      })}
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('lead.qualification.save', { framework: name })}
      </Button>
      {saved ? (
        <Typography.Text style={{ ...muted, marginLeft: 12 }}>
          {t('lead.qualification.lastSaved', { at: format.dateTime(saved.updatedAt) })}
        </Typography.Text>
      ) : null}
    </Form>
  );
}
