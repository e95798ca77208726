/**
 * /plan (issue 8 item 8, SPEC §8.5): the reverse-funnel form, and its answer as a table and a
 * chart next to what the measured funnel of the last months delivered, whose rates can be used.
 */
import { useMutation } from '@tanstack/react-query';
import { Col, Form, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { Prefetch } from '../../prefetch';
import { type FunnelReport, reportQuery, useReport } from '../dashboard/reports';
import { type CapacityPlan, measuredPerMonth, measuredRates, windowStart } from './capacity';
import { PlanForm, type PlanValues, toRequest, usePlanErrors } from './PlanForm';
import { MeasuredRates, PlanResult } from './PlanResult';

const firstWindowMonths = 12;

/** The funnel over the window the page opens with, whose rates it measures. */
export const prefetch: Prefetch = (client) =>
  void client.prefetchQuery(reportQuery<FunnelReport>('/reports/funnel', { from: windowStart(firstWindowMonths) }));

export default function PlanPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<PlanValues>();
  const errors = usePlanErrors(form);
  const [windowMonths, setWindowMonths] = useState(firstWindowMonths);
  const measured = useReport<FunnelReport>('/reports/funnel', { from: windowStart(windowMonths) });
  const rates = measuredRates(measured.data);
  const plan = useMutation({
    mutationFn: (values: PlanValues) => api<CapacityPlan>('POST', '/plans/capacity', toRequest(values)),
    onMutate: () => errors.clear(),
    onError: (e) => errors.show(e),
  });
  const planned = Form.useWatch('conversion', form);

  const applyMeasured = () => {
    const current = form.getFieldValue('conversion') ?? {};
    const next = { ...current };
    for (const [k, v] of Object.entries(rates)) if (v !== null && v > 0) next[k] = v;
    form.setFieldsValue({ conversion: next });
  };

  return (
    <section>
      <Typography.Title level={2}>{t('plan.title')}</Typography.Title>
      <Typography.Paragraph>{t('plan.intro')}</Typography.Paragraph>
      <Row gutter={[32, 16]}>
        <Col xs={24} lg={9}>
          <PlanForm
            form={form}
            onSubmit={(v) => plan.mutate(v)}
            submitting={plan.isPending}
            messages={errors.messages}
          />
        </Col>
        <Col xs={24} lg={15}>
          <MeasuredRates
            planned={planned ?? {}}
            measured={rates}
            windowMonths={windowMonths}
            onWindow={setWindowMonths}
            onUse={applyMeasured}
            loading={measured.isPending}
            error={measured.error}
          />
          {plan.data ? <PlanResult plan={plan.data} measured={measuredPerMonth(measured.data, windowMonths)} /> : null}
        </Col>
      </Row>
    </section>
  );
}
