/**
 * The reverse-funnel form (SPEC §8.5): every field labelled; the API's field errors are shown on
 * their fields (in the user's language), the rest above the form.
 */
import { Alert, Button, Form, type FormInstance, Input, InputNumber, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../forms';
import type { CapacityPlanRequest, RateKey } from './capacity';
import { rateKeys } from './capacity';

export interface PlanValues {
  customers?: number;
  avgDealSize?: number;
  targetBy: 'multiple' | 'revenue';
  growthMultiple?: number;
  targetRevenue?: number;
  renewalRate?: number;
  conversion?: Partial<Record<RateKey, number>>;
  months?: number;
  mqlsPerSdrPerMonth?: number;
  dealsPerRepPerMonth?: number;
  startMonth?: string;
}

export function toRequest(v: PlanValues): CapacityPlanRequest {
  return {
    customers: v.customers as number,
    avgDealSize: v.avgDealSize as number,
    ...(v.targetBy === 'revenue' ? { targetRevenue: v.targetRevenue } : { growthMultiple: v.growthMultiple }),
    renewalRate: v.renewalRate as number,
    conversion: v.conversion as Record<RateKey, number>,
    months: v.months as number,
    mqlsPerSdrPerMonth: v.mqlsPerSdrPerMonth ?? null,
    dealsPerRepPerMonth: v.dealsPerRepPerMonth ?? null,
    startMonth: v.startMonth?.trim() || null,
  };
}

export function usePlanErrors(form: FormInstance<PlanValues>) {
  const [messages, setMessages] = useState<string[]>([]);
  const show = (error: unknown) => {
    const byMultiple = form.getFieldValue('targetBy') !== 'revenue';
    const fields = [
      'customers',
      'avgDealSize',
      byMultiple ? 'growthMultiple' : 'targetRevenue',
      'renewalRate',
      'conversion',
      'months',
      'mqlsPerSdrPerMonth',
      'dealsPerRepPerMonth',
      'startMonth',
    ];
    setMessages(showFieldErrors(form, error, fields));
  };
  return { messages, show, clear: () => setMessages([]) };
}

export function PlanForm({
  form,
  onSubmit,
  submitting,
  messages,
}: {
  form: FormInstance<PlanValues>;
  onSubmit(values: PlanValues): void;
  submitting: boolean;
  messages: string[];
}) {
  const { t } = useTranslation();
  const targetBy = Form.useWatch('targetBy', form) ?? 'multiple';
  const required = [{ required: true, message: t('plan.required') }];
  const number = (props: React.ComponentProps<typeof InputNumber>) => (
    <InputNumber style={{ width: '100%' }} {...props} />
  );
  return (
    <Form<PlanValues>
      form={form}
      name="plan"
      layout="vertical"
      initialValues={{ targetBy: 'multiple', months: 12 }}
      onFinish={onSubmit}
      aria-label={t('plan.formTitle')}
    >
      <Typography.Title level={3}>{t('plan.formTitle')}</Typography.Title>
      {messages.length ? (
        <Alert type="error" style={{ marginBottom: 16 }} title={t('plan.failed')} description={messages.join('; ')} />
      ) : null}
      <Form.Item label={t('plan.customers')} name="customers" rules={required}>
        {number({ min: 0, precision: 0 })}
      </Form.Item>
      <Form.Item label={t('plan.avgDealSize')} name="avgDealSize" rules={required}>
        {number({ min: 0 })}
      </Form.Item>
      <Form.Item label={t('plan.targetBy')} name="targetBy">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'multiple', label: t('plan.byMultiple') },
            { value: 'revenue', label: t('plan.byRevenue') },
          ]}
        />
      </Form.Item>
      {targetBy === 'revenue' ? (
        <Form.Item label={t('plan.targetRevenue')} name="targetRevenue" rules={required}>
          {number({ min: 0 })}
        </Form.Item>
      ) : (
        <Form.Item label={t('plan.growthMultiple')} name="growthMultiple" rules={required}>
          {number({ step: 0.1 })}
        </Form.Item>
      )}
      <Form.Item label={t('plan.renewalRate')} name="renewalRate" rules={required}>
        {number({ step: 0.05 })}
      </Form.Item>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontSize: 14, marginBottom: 8, color: 'rgba(0, 0, 0, 0.88)' }}>{t('plan.rates')}</legend>
        {rateKeys.map((k) => (
          <Form.Item key={k} label={t(`plan.${k}`)} name={['conversion', k]} rules={required}>
            {number({ step: 0.05 })}
          </Form.Item>
        ))}
      </fieldset>
      <Form.Item label={t('plan.months')} name="months" rules={required}>
        {number({ precision: 0 })}
      </Form.Item>
      <Form.Item label={t('plan.mqlsPerSdrPerMonth')} name="mqlsPerSdrPerMonth">
        {number({})}
      </Form.Item>
      <Form.Item label={t('plan.dealsPerRepPerMonth')} name="dealsPerRepPerMonth">
        {number({})}
      </Form.Item>
      <Form.Item label={t('plan.startMonth')} name="startMonth">
        <Input placeholder="2026-01" inputMode="numeric" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting}>
        {t('plan.submit')}
      </Button>
    </Form>
  );
}
