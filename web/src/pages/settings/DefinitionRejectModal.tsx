import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../forms';

interface Props {
  version: number | null;
  onCancel: () => void;
  onReject: (reason: string) => Promise<unknown>;
}

/** The reason for rejecting a proposed definition version (POST …/reject). */
export function DefinitionRejectModal({ version, onCancel, onReject }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      await onReject(reason);
      form.resetFields();
      setUnmatched([]);
    } catch (error) {
      setUnmatched(showFieldErrors(form, error, ['reason']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={version !== null}
      title={t('settingsDefinitions.rejectTitle', { version })}
      okText={t('settingsDefinitions.reject')}
      cancelText={t('common.actions.cancel')}
      okButtonProps={{ danger: true, loading: busy }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {unmatched.length ? <Alert type="error" title={unmatched.join('; ')} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} name="definition-reject" layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('settingsDefinitions.rejectReason')}
          rules={[{ required: true, whitespace: true, message: t('settingsDefinitions.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
