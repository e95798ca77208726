import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Form, Input, Modal, Space, Typography } from 'antd';
import i18next from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, fieldMessage } from '../../api';
import { showFieldErrors } from '../../forms';
import { useBilingual } from './FrameworkCard';
import { FrameworkCriterionFields } from './FrameworkCriterionFields';
import {
  emptyCriterion,
  type Framework,
  type FrameworkFormValues,
  formValuesOf,
  frameworkBody,
} from './FrameworkModel';

export const frameworksKey = ['frameworks'] as const;

/** Errors of the whole list ("must list at least one criterion") belong to no single row. */
function listErrors(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  return (error.problem?.errors ?? [])
    .filter((e) => e.field === 'criteria')
    .map((e) => fieldMessage(e, i18next.language));
}

interface Props {
  /** The custom framework being edited; null creates one. */
  editing: Framework | null;
  open: boolean;
  onClose(): void;
}

/** The dialog that creates a custom template (POST /frameworks) or replaces one (PUT /frameworks/{id}). */
export function FrameworkEditor({ editing, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const text = useBilingual();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FrameworkFormValues>();
  const [unmatched, setUnmatched] = useState<string[]>([]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setUnmatched([]);
    form.setFieldsValue(editing ? formValuesOf(editing) : { id: '', name: {}, criteria: [emptyCriterion()] });
  }, [open, editing, form]);

  const save = useMutation({
    mutationFn: (values: FrameworkFormValues) =>
      editing
        ? api<Framework>('PUT', `/frameworks/${encodeURIComponent(editing.id)}`, frameworkBody(values))
        : api<Framework>('POST', '/frameworks', frameworkBody(values)),
    onSuccess: (saved) => {
      void message.success(t(editing ? 'settingsFrameworks.changed' : 'settingsFrameworks.created', { id: saved.id }));
      void queryClient.invalidateQueries({ queryKey: frameworksKey });
      onClose();
    },
    onError: (error) => {
      const rest = showFieldErrors(form, error, ['id', 'name', 'criteria']);
      setUnmatched([...listErrors(error), ...rest]);
    },
  });

  const title = editing
    ? t('settingsFrameworks.editTitle', { name: text(editing.name) })
    : t('settingsFrameworks.createTitle');
  return (
    <Modal open={open} title={title} onCancel={onClose} footer={null} width={960} destroyOnHidden>
      {unmatched.length ? <Alert type="error" title={unmatched.join('; ')} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        name="framework"
        layout="vertical"
        onFinish={(values) => {
          setUnmatched([]);
          save.mutate(values);
        }}
      >
        <Space wrap align="start">
          <Form.Item name="id" label={t('settingsFrameworks.form.id')} extra={t('settingsFrameworks.form.idHelp')}>
            <Input style={{ width: 240 }} disabled={Boolean(editing)} />
          </Form.Item>
          <Form.Item name={['name', 'zh']} label={t('settingsFrameworks.form.nameZh')}>
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name={['name', 'en']} label={t('settingsFrameworks.form.nameEn')}>
            <Input style={{ width: 260 }} />
          </Form.Item>
        </Space>
        <Typography.Title level={4}>{t('settingsFrameworks.form.criteria')}</Typography.Title>
        <Form.List name="criteria">
          {(fields, { add, remove, move }) => (
            <>
              {fields.map((field, index) => (
                <FrameworkCriterionFields
                  key={field.key}
                  name={field.name}
                  index={index}
                  count={fields.length}
                  onRemove={() => remove(field.name)}
                  onMove={(to) => move(index, to)}
                />
              ))}
              <Button onClick={() => add(emptyCriterion())}>{t('settingsFrameworks.form.addCriterion')}</Button>
            </>
          )}
        </Form.List>
        <Space style={{ marginTop: 16, width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.actions.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('settingsFrameworks.form.save')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
