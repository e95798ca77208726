import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

/** Asks once for the reason that goes with every lead of a bulk release. */
export function ReleaseModal({
  count,
  open,
  busy,
  onRelease,
  onCancel,
}: {
  count: number;
  open: boolean;
  busy: boolean;
  onRelease: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={t('queue.releaseModal.title', { count })}
      okText={t('queue.releaseModal.submit')}
      cancelText={t('common.actions.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => onRelease(v.reason.trim())}>
        <Form.Item
          label={t('queue.releaseModal.reason')}
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('queue.releaseModal.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
