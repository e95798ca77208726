import { useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { showFieldErrors } from '../../forms';
import type { HandoffItem } from './types';

interface Values {
  amount: number;
  expectedCloseAt?: string;
  name?: string;
}

const fields = ['amount', 'expectedCloseAt', 'name'] as const;

/** POST /leads/{id}/opportunities: amount, expected close date, name; the API's errors at the fields. */
export function OpportunityModal({
  item,
  onClose,
  onDone,
}: {
  item: HandoffItem;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  async function submit(values: Values) {
    setBusy(true);
    setErrors([]);
    try {
      await api('POST', `/leads/${item.lead.id}/opportunities`, {
        amount: values.amount,
        expectedCloseAt: values.expectedCloseAt || undefined,
        name: values.name?.trim() || undefined,
      });
      onDone(t('inbox.opportunity.registered'));
      await queryClient.invalidateQueries({ queryKey: ['handoffs'] });
      onClose();
    } catch (e) {
      setErrors(showFieldErrors(form, e, fields));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('inbox.opportunity.title', { name: item.lead.name ?? item.lead.company ?? '' })}
      okText={t('inbox.opportunity.submit')}
      cancelText={t('common.actions.cancel')}
      okButtonProps={{ disabled: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {errors.length ? <Alert type="error" title={errors.join('; ')} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label={t('inbox.opportunity.amount')}
          name="amount"
          rules={[{ required: true, message: t('inbox.opportunity.amountRequired') }]}
        >
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('inbox.opportunity.expectedCloseAt')} name="expectedCloseAt">
          <Input type="date" />
        </Form.Item>
        <Form.Item label={t('inbox.opportunity.name')} name="name">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
