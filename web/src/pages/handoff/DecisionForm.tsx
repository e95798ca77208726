import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { showFieldErrors } from '../../forms';
import type { Handoff, Reason } from '../inbox/types';

type Decision = 'accept' | 'reject' | 'return';

interface Values {
  reason?: string;
  note?: string;
}

const fields = ['reason', 'note'] as const;

export function useReasons(kind: 'reject' | 'return', enabled = true) {
  return useQuery({
    queryKey: ['reasons', kind],
    queryFn: () => api<{ items: Reason[] }>('GET', `/reasons/${kind}`),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function reasonLabel(reasons: Reason[] | undefined, code: string | null, language: string): string | null {
  if (!code) return null;
  const found = reasons?.find((r) => r.code === code);
  return found ? (language === 'en' ? found.labelEn : found.labelZh) : code;
}

/**
 * Accept / Reject a pending hand-off, Return an accepted `sql` lead (SPEC §6.1): a reason from
 * the taxonomy and a note. The API's problem+json errors land on the fields; what was typed stays.
 */
export function DecisionForm({
  handoff,
  leadStatus,
  onDecided,
}: {
  handoff: Handoff;
  leadStatus: string | null;
  onDecided: (text: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState<Decision | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const pending = handoff.status === 'pending';
  const returnable = handoff.status === 'accepted' && leadStatus === 'sql';
  const kind = pending ? 'reject' : 'return';
  const reasons = useReasons(kind, pending || returnable);

  if (!pending && !returnable) return null;

  async function decide(decision: Decision) {
    setBusy(decision);
    setErrors([]);
    form.setFields(fields.map((name) => ({ name, errors: [] })));
    const values = form.getFieldsValue();
    const note = values.note?.trim() || undefined;
    try {
      await api(
        'POST',
        `/handoffs/${handoff.id}/${decision}`,
        decision === 'accept' ? { note } : { reason: values.reason, note },
      );
      form.resetFields();
      onDecided(
        t(`handoff.decide.${decision === 'accept' ? 'accepted' : decision === 'reject' ? 'rejected' : 'returned'}`),
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['handoff', handoff.id] }),
        queryClient.invalidateQueries({ queryKey: ['handoffs'] }),
      ]);
    } catch (e) {
      setErrors(showFieldErrors(form, e, fields));
    } finally {
      setBusy(null);
    }
  }

  const options = (reasons.data?.items ?? [])
    .filter((r) => r.active)
    .map((r) => ({ value: r.code, label: i18n.language === 'en' ? r.labelEn : r.labelZh }));

  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('handoff.decide.title')}
      </Typography.Title>
      {returnable ? (
        <Typography.Paragraph type="secondary">{t('handoff.decide.returnHelp')}</Typography.Paragraph>
      ) : null}
      {errors.length ? <Alert type="error" title={errors.join('; ')} style={{ marginBottom: 16 }} /> : null}
      {/* Buttons are disabled while a decision is on its way, not given antd's loading icon: its
          leave animation can linger and put "loading" into the button's accessible name. */}
      <Form form={form} layout="vertical" requiredMark={false} aria-busy={busy !== null}>
        <Form.Item
          label={pending ? t('handoff.decide.rejectReason') : t('handoff.decide.returnReason')}
          name="reason"
          extra={pending ? t('handoff.decide.reasonHelp') : undefined}
        >
          <Select options={options} loading={reasons.isPending} allowClear showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item label={t('handoff.decide.note')} name="note">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Space wrap>
          {pending ? (
            <>
              <Button type="primary" disabled={busy !== null} onClick={() => decide('accept')}>
                {t('handoff.actions.accept')}
              </Button>
              <Button danger disabled={busy !== null} onClick={() => decide('reject')}>
                {t('handoff.actions.reject')}
              </Button>
            </>
          ) : (
            <Button danger disabled={busy !== null} onClick={() => decide('return')}>
              {t('handoff.actions.return')}
            </Button>
          )}
        </Space>
      </Form>
    </Card>
  );
}
