import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../forms';

/**
 * A modal form that adds something through the API: 保存/取消, the API's field errors on their
 * fields and the rest above the form; emptied again once the save went through.
 */
export function FormModal<Values, Result>({
  title,
  open,
  onClose,
  onSaved,
  name,
  fields,
  save,
  initialValues,
  children,
}: {
  title: string;
  open: boolean;
  onClose(): void;
  onSaved(result: Result): void;
  /** The form's name (its fields' ids start with it). */
  name: string;
  /** The API's field names the form has. */
  fields: readonly string[];
  save(values: Values): Promise<Result>;
  initialValues?: Partial<Values>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const add = useMutation({
    mutationFn: save,
    onSuccess: (result) => {
      form.resetFields();
      setUnmatched([]);
      onSaved(result);
    },
    onError: (error) => setUnmatched(showFieldErrors(form, error, fields)),
  });
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.actions.save')}
      cancelText={t('common.actions.cancel')}
      confirmLoading={add.isPending}
      forceRender
    >
      {unmatched.length ? <Alert type="error" title={unmatched.join('; ')} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} name={name} layout="vertical" onFinish={(v) => add.mutate(v)} initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}
