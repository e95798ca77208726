import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../forms';
import { type PoolLead, quotaKey, releaseLead } from './poolApi';

/** Release (释放) a lead the caller holds back to the pool, with the reason the API requires. */
export function ReleaseDialog(props: { lead: PoolLead | null; onClose(coolOffUntil?: string): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [errors, setErrors] = useState<string[]>([]);
  const client = useQueryClient();
  const release = useMutation({
    mutationFn: (reason: string) => releaseLead(props.lead?.id ?? '', reason),
    onSuccess: async (r) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['pool', 'mine'] }),
        client.invalidateQueries({ queryKey: ['pool', 'list'] }),
        client.invalidateQueries({ queryKey: quotaKey }),
      ]);
      form.resetFields();
      props.onClose(r.coolOffUntil);
    },
    onError: (error) => setErrors(showFieldErrors(form, error, ['reason'])),
  });
  return (
    <Modal
      open={props.lead !== null}
      title={t('pool.releaseTitle', { name: props.lead?.name ?? t('pool.unnamed') })}
      okText={t('pool.release')}
      cancelText={t('common.actions.cancel')}
      confirmLoading={release.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        setErrors([]);
        props.onClose();
      }}
      forceRender
    >
      {errors.length ? <Alert type="error" title={errors.join('; ')} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setErrors([]);
          release.mutate(v.reason);
        }}
      >
        <Form.Item
          label={t('pool.releaseReason')}
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('pool.releaseReasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
