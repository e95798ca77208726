import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { clearFieldErrors, showFieldErrors } from '../../forms';
import type { Rep } from './rep';

interface RepForm {
  regions: string;
  industries: string;
  level: number;
  weight: number;
  capacity: number;
  department: string;
}

const fields = ['regions', 'industries', 'level', 'weight', 'capacity', 'department'] as const;
const splitList = (value: string | undefined) =>
  (value ?? '')
    .split(/[,，、]/)
    .map((v) => v.trim())
    .filter(Boolean);

/** A rep's routing profile (PUT /reps/{userId}): regions, industries, level, weight, capacity, department. */
export function RepEditor({ rep, onClose }: { rep: Rep | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RepForm>();
  const [unmatched, setUnmatched] = useState<string[]>([]);

  useEffect(() => {
    if (!rep) return;
    setUnmatched([]);
    clearFieldErrors(form);
    form.setFieldsValue({
      regions: rep.profile?.regionNames.join('、') ?? '',
      industries: rep.profile?.industries.join('、') ?? '',
      level: rep.profile?.level ?? 1,
      weight: rep.profile?.weight ?? 1,
      capacity: rep.profile?.capacity ?? 50,
      department: rep.profile?.department ?? '',
    });
  }, [rep, form]);

  const save = useMutation({
    mutationFn: (v: RepForm) =>
      api('PUT', `/reps/${rep?.userId}`, {
        regions: splitList(v.regions),
        industries: splitList(v.industries),
        level: v.level,
        weight: v.weight,
        capacity: v.capacity,
        department: v.department?.trim() || null,
      }),
    onSuccess: () => {
      void message.success(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: ['reps'] });
      onClose();
    },
    onError: (error) => setUnmatched(showFieldErrors(form, error, fields)),
  });

  return (
    <Modal
      title={rep ? t('settings.rep.editTitle', { name: rep.name }) : ''}
      open={rep !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.actions.save')}
      cancelText={t('common.actions.cancel')}
      confirmLoading={save.isPending}
      forceRender
    >
      {unmatched.length ? <Alert type="error" title={unmatched.join('; ')} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} name="rep-profile" layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="regions" label={t('settings.rep.regions')} extra={t('settings.rep.listHint')}>
          <Input />
        </Form.Item>
        <Form.Item name="industries" label={t('settings.rep.industries')} extra={t('settings.rep.listHint')}>
          <Input />
        </Form.Item>
        <Form.Item name="department" label={t('settings.rep.department')}>
          <Input />
        </Form.Item>
        <Form.Item name="level" label={t('settings.rep.level')}>
          <InputNumber min={1} max={5} precision={0} />
        </Form.Item>
        <Form.Item name="weight" label={t('settings.rep.weight')}>
          <InputNumber step={0.5} />
        </Form.Item>
        <Form.Item name="capacity" label={t('settings.rep.capacity')}>
          <InputNumber precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
