import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Modal } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clearFieldErrors, showFieldErrors } from '../forms';

/**
 * A modal form that adds or edits something through the API: 保存/取消, the API's field errors on
 * their fields and the rest above the form; emptied again once the save went through. Adding,
 * what was typed stays until it is saved; editing (`values`), each opening starts afresh from
 * the values of the thing edited.
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
  values,
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
  /**
   * Editing: put in the form (over `initialValues`, earlier errors cleared) whenever the modal
   * opens or they change — keep them the same object while it stays open.
   */
  values?: Partial<Values>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  useEffect(() => {
    if (!open || !values) return;
    clearFieldErrors(form);
    setUnmatched([]);
    form.resetFields();
    form.setFieldsValue(values);
  }, [open, values, form]);
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
