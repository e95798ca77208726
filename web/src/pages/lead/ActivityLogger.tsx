import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { showFieldErrors } from '../../forms';
import { useMe } from '../../session';
import { type ContactCheck, contactCheckQuery } from './lead-api';
import { usePersonName } from './people';

const types = ['call', 'email', 'wechat', 'meeting', 'note'] as const;
type ActivityType = (typeof types)[number];
const outcomes = ['connected', 'no_answer', 'busy', 'voicemail'] as const;

interface Values {
  type: ActivityType;
  minutes?: number | null;
  outcome?: string;
  note?: string;
  override?: string;
}

/** Log a call, e-mail, WeChat, meeting or note (POST /leads/{id}/activities), warned first by the contact check. */
export function ActivityLogger({ leadId }: { leadId: string }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const ownerName = usePersonName(leadId);
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form) ?? 'call';
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [logged, setLogged] = useState<string[] | null>(null);
  const contact = type !== 'note';
  const check = useQuery({ ...contactCheckQuery<ContactCheck>(leadId, type), enabled: contact });
  const warnings = contact && check.data ? check.data.rules.map((r) => r.message) : [];
  if (contact && check.data?.ownerId && check.data.ownerId !== me?.id)
    warnings.push(t('lead.activity.owner', { owner: ownerName(check.data.ownerId) }));
  const blocked = contact && check.data?.allowed === false;
  const timed = type === 'call' || type === 'meeting';

  async function submit(values: Values) {
    setBusy(true);
    setProblems([]);
    setLogged(null);
    try {
      const result = await api<{ warnings: { message: string }[] }>('POST', `/leads/${leadId}/activities`, {
        type: values.type,
        durationSec: timed && values.minutes != null ? Math.round(values.minutes * 60) : undefined,
        outcome: timed && values.outcome ? values.outcome : undefined,
        note: values.note?.trim() || undefined,
        override: blocked && values.override?.trim() ? values.override.trim() : undefined,
      });
      setLogged(result.warnings.map((w) => w.message));
      form.setFieldsValue({ minutes: null, outcome: undefined, note: '', override: '' });
      await client.invalidateQueries({ queryKey: ['lead', leadId] });
    } catch (e) {
      setProblems(showFieldErrors(form, e, ['type', 'note', 'outcome', 'override']));
    } finally {
      setBusy(false);
    }
  }

  const typeName = t(`common.activity.${type}`);
  return (
    <Card title={t('lead.activity.title')} size="small">
      {warnings.length ? (
        <Alert
          type={blocked ? 'error' : 'warning'}
          title={t('lead.activity.checkTitle')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {problems.length ? <Alert type="error" title={problems.join('; ')} style={{ marginBottom: 12 }} /> : null}
      {logged ? (
        <Alert
          type={logged.length ? 'warning' : 'success'}
          title={logged.length ? `${t('lead.activity.warnings')} ${logged.join('; ')}` : t('lead.activity.logged')}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form
        form={form}
        name="activity"
        layout="vertical"
        onFinish={submit}
        initialValues={{ type: 'call' }}
        requiredMark={false}
      >
        <Form.Item label={t('lead.activity.type')} name="type">
          <Radio.Group
            aria-label={t('lead.activity.type')}
            optionType="button"
            options={types.map((v) => ({ value: v, label: t(`common.activity.${v}`) }))}
          />
        </Form.Item>
        {timed ? (
          <>
            <Form.Item
              label={t('lead.activity.duration')}
              name="minutes"
              rules={[{ type: 'number', min: 0, max: 1440, message: '0–1440' }]}
            >
              <InputNumber style={{ width: 160 }} />
            </Form.Item>
            <Form.Item label={t('lead.activity.outcome')} name="outcome">
              <Radio.Group
                aria-label={t('lead.activity.outcome')}
                options={outcomes.map((v) => ({ value: v, label: t(`lead.activity.outcomes.${v}`) }))}
              />
            </Form.Item>
          </>
        ) : null}
        <Form.Item label={t('lead.activity.note')} name="note" rules={[{ max: 5000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        {blocked ? (
          <Form.Item label={t('lead.activity.override')} name="override" extra={t('lead.activity.overrideHelp')}>
            <Input maxLength={500} />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={busy}>
          {type === 'call' ? t('lead.activity.logCall') : t('lead.activity.log', { type: typeName })}
        </Button>
      </Form>
    </Card>
  );
}
