import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type FieldError, fieldMessage } from '../../api';
import { RoutingExplanation } from '../../components/RoutingExplanation';
import { useMe } from '../../session';
import { muted } from '../queue/styles';
import { useOwnerName } from '../queue/user-names';
import { type Handoff, leadPartQuery, pickedRepName } from './lead-api';
import { useLeadHandoffs } from './people';

interface Preview {
  mql: { version: number; passed: boolean; unmet: { criterion: string; detail: string; detailZh: string }[] };
  routing: { kind: 'assign' | 'sync' | 'dispatch'; repId: string | null; explanation: Handoff['explanation'] };
}

/** Before the transfer: whether the lead meets the MQL definition, and which rep the rules pick now and why. */
function TransferPreview({ leadId }: { leadId: string }) {
  const { t, i18n } = useTranslation();
  const ownerName = useOwnerName();
  const preview = useQuery(leadPartQuery<Preview>(leadId, 'transfer-preview'));
  if (!preview.data) return null;
  const { mql, routing } = preview.data;
  const rep = routing.repId
    ? (pickedRepName({ repId: routing.repId, explanation: routing.explanation } as Handoff) ?? ownerName(routing.repId))
    : null;
  return (
    <section aria-label={t('lead.transfer.preview.title')} style={{ marginTop: 12 }}>
      <Typography.Text strong>{t('lead.transfer.preview.title')}</Typography.Text>
      {mql.passed ? (
        <Alert
          type="success"
          title={t('lead.transfer.preview.mqlPassed', { version: mql.version })}
          style={{ margin: '8px 0' }}
        />
      ) : (
        <Alert
          type="warning"
          style={{ margin: '8px 0' }}
          title={t('lead.transfer.preview.mqlUnmet', { version: mql.version })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {mql.unmet.map((u) => (
                <li key={u.criterion}>{i18n.language === 'en' ? u.detail : u.detailZh}</li>
              ))}
            </ul>
          }
        />
      )}
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        {rep && routing.kind !== 'dispatch'
          ? t('lead.transfer.preview.wouldAssign', { rep })
          : t('lead.transfer.preview.wouldDispatch')}
      </Typography.Paragraph>
      <RoutingExplanation steps={routing.explanation} />
    </section>
  );
}

/** Which rep and why: every rule tried, every rep skipped and why, and the pick. */
function HandoffResult({ handoff }: { handoff: Handoff }) {
  const { t } = useTranslation();
  const ownerName = useOwnerName();
  const rep = handoff.repId ? (pickedRepName(handoff) ?? ownerName(handoff.repId)) : null;
  return (
    <div>
      <Alert
        type={handoff.kind === 'dispatch' ? 'info' : 'success'}
        title={
          handoff.kind === 'dispatch' || !rep ? t('lead.transfer.dispatched') : t('lead.transfer.assigned', { rep })
        }
        description={t('lead.transfer.status', {
          status: t(`lead.transfer.statuses.${handoff.status}`, { defaultValue: handoff.status }),
        })}
        style={{ marginBottom: 8 }}
      />
      <Typography.Text strong>{t('lead.transfer.why')}</Typography.Text>
      <RoutingExplanation steps={handoff.explanation} />
    </div>
  );
}

/** 转交销售 / Transfer to sales (POST /leads/{id}/transfer, auto): the rep and why, or the unmet MQL criteria. */
export function TransferPanel({ leadId }: { leadId: string }) {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const client = useQueryClient();
  const handoffs = useLeadHandoffs(leadId);
  const [busy, setBusy] = useState(false);
  const [unmet, setUnmet] = useState<FieldError[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<Handoff | null>(null);
  const [form] = Form.useForm<{ overrideReason: string }>();

  async function transfer(overrideReason?: string) {
    setBusy(true);
    setFailure(null);
    try {
      const r = await api<{ handoff: Handoff }>('POST', `/leads/${leadId}/transfer`, {
        mode: 'auto',
        ...(overrideReason ? { overrideReason } : {}),
      });
      setUnmet(null);
      setResult(r.handoff);
      await client.invalidateQueries({ queryKey: ['lead', leadId] });
      await client.invalidateQueries({ queryKey: ['queue'] });
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) setUnmet(e.problem?.errors ?? []);
      else setFailure(e instanceof ApiError ? (e.problem?.detail ?? e.message) : String(e));
    } finally {
      setBusy(false);
    }
  }

  const latest = result ?? handoffs.data?.items[0] ?? null;
  return (
    <Card title={t('lead.transfer.title')} size="small">
      <Typography.Paragraph style={muted}>{t('lead.transfer.intro')}</Typography.Paragraph>
      <Button type="primary" onClick={() => void transfer()} loading={busy} disabled={latest?.status === 'pending'}>
        {t('lead.transfer.button')}
      </Button>
      {failure ? <Alert type="error" title={failure} style={{ marginTop: 12 }} /> : null}
      {unmet ? (
        <Alert
          type="error"
          style={{ marginTop: 12 }}
          title={t('lead.transfer.unmet')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {unmet.map((u) => (
                <li key={u.field}>
                  <strong>{u.field}</strong>: {fieldMessage(u, i18n.language)}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      {unmet && me?.role === 'sdr_lead' ? (
        <Form
          form={form}
          layout="vertical"
          style={{ marginTop: 12 }}
          requiredMark={false}
          onFinish={(v) => void transfer(v.overrideReason.trim())}
        >
          <Form.Item
            label={t('lead.transfer.override')}
            name="overrideReason"
            rules={[{ required: true, whitespace: true, message: t('lead.transfer.overrideRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Button danger htmlType="submit" loading={busy}>
            {t('lead.transfer.overrideButton')}
          </Button>
        </Form>
      ) : null}
      {!result && latest?.status !== 'pending' && !unmet ? <TransferPreview leadId={leadId} /> : null}
      {latest ? (
        <div style={{ marginTop: 12 }}>
          {!result ? <Typography.Text style={muted}>{t('lead.transfer.previous')}</Typography.Text> : null}
          <HandoffResult handoff={latest} />
        </div>
      ) : null}
    </Card>
  );
}
