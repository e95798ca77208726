import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { clearFieldErrors, showFieldErrors } from '../../forms';

export interface ChannelRow {
  id: string;
  name: string;
  nameZh: string;
  kind: 'free' | 'paid';
  defaultPath: 'direct_to_sales' | 'sdr_queue' | 'pool';
  builtIn: boolean;
  active: boolean;
}
type ChannelInput = Pick<ChannelRow, 'id' | 'name' | 'nameZh' | 'kind' | 'defaultPath'>;

const fields = ['id', 'name', 'nameZh', 'kind', 'defaultPath'] as const;
const kinds = ['free', 'paid'] as const;
const paths = ['direct_to_sales', 'sdr_queue', 'pool'] as const;

/** Add a channel (POST /channels) or change one (PATCH /channels/{id}); API errors on the fields. */
export function ChannelsForm({
  channel,
  onClose,
  onSaved,
}: {
  channel: ChannelRow | 'new' | null;
  onClose(): void;
  onSaved(c: ChannelRow, added: boolean): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ChannelInput>();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const adding = channel === 'new';
  useEffect(() => {
    if (channel === null) return;
    clearFieldErrors(form);
    setUnmatched([]);
    if (channel === 'new') form.resetFields();
    else form.setFieldsValue(channel);
  }, [channel, form]);
  const save = useMutation({
    mutationFn: (v: ChannelInput) =>
      adding
        ? api<ChannelRow>('POST', '/channels', { ...v, nameZh: v.nameZh || null })
        : api<ChannelRow>('PATCH', `/channels/${(channel as ChannelRow).id}`, {
            name: v.name,
            ...(v.nameZh ? { nameZh: v.nameZh } : {}),
            kind: v.kind,
            defaultPath: v.defaultPath,
          }),
    onSuccess: (c) => {
      setUnmatched([]);
      onSaved(c, adding);
    },
    onError: (error) => setUnmatched(showFieldErrors(form, error, fields)),
  });
  const required = [{ required: true, message: t('settingsChannels.required') }];
  return (
    <Modal
      title={
        adding
          ? t('settingsChannels.add')
          : t('settingsChannels.editTitle', { name: channel ? (channel as ChannelRow).nameZh : '' })
      }
      open={channel !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.actions.save')}
      cancelText={t('common.actions.cancel')}
      confirmLoading={save.isPending}
      forceRender
    >
      {unmatched.length ? <Alert type="error" title={unmatched.join('; ')} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        name="channel"
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={{ kind: 'paid', defaultPath: 'sdr_queue' }}
      >
        <Form.Item name="id" label={t('settingsChannels.id')} extra={t('settingsChannels.idHelp')} rules={required}>
          <Input disabled={!adding} autoComplete="off" />
        </Form.Item>
        <Form.Item name="nameZh" label={t('settingsChannels.nameZh')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="name" label={t('settingsChannels.name')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('settingsChannels.kind')}>
          <Select options={kinds.map((k) => ({ value: k, label: t(`settingsChannels.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="defaultPath" label={t('settingsChannels.defaultPath')}>
          <Select options={paths.map((p) => ({ value: p, label: t(`settingsChannels.paths.${p}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
