import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Modal, Popconfirm, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../forms';
import {
  type PoolFilters,
  removeSegment,
  type Segment,
  saveSegment,
  segmentExportHref,
  segmentsKey,
  segmentsQuery,
} from './poolApi';

/** Saved segments (GET/POST/DELETE /pool/segments): pick one, save the current filters, delete, export CSV. */
export function SegmentBar(props: {
  current: PoolFilters;
  selected: string | undefined;
  onPick(segment: Segment | undefined): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const segments = useQuery(segmentsQuery);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const [formError, setFormError] = useState<string[]>([]);
  const items = segments.data?.items ?? [];
  const picked = items.find((s) => s.id === props.selected);

  const save = useMutation({
    mutationFn: (name: string) => saveSegment(name, props.current),
    onSuccess: async (segment) => {
      await client.invalidateQueries({ queryKey: segmentsKey });
      message.success(t('pool.segments.saved', { name: segment.name }));
      setSaving(false);
      form.resetFields();
      props.onPick(segment);
    },
    onError: (error) => setFormError(showFieldErrors(form, error, ['name'])),
  });
  const remove = useMutation({
    mutationFn: (id: string) => removeSegment(id),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: segmentsKey });
      message.success(t('pool.segments.removed'));
      props.onPick(undefined);
    },
    onError: (error) => message.error(error.message),
  });

  return (
    <Flex gap={8} align="center" wrap>
      <label htmlFor="pool-segment">{t('pool.segments.label')}</label>
      <Select
        id="pool-segment"
        style={{ minWidth: 220 }}
        allowClear
        loading={segments.isPending}
        value={props.selected}
        onChange={(id?: string) => props.onPick(items.find((s) => s.id === id))}
        options={items.map((s) => ({ value: s.id, label: s.name }))}
      />
      {picked ? (
        <>
          <Button href={segmentExportHref(picked.id)} download>
            {t('pool.segments.export')}
          </Button>
          <Popconfirm
            title={t('pool.segments.removeConfirm', { name: picked.name })}
            okText={t('common.actions.confirm')}
            cancelText={t('common.actions.cancel')}
            onConfirm={() => remove.mutate(picked.id)}
          >
            <Button danger loading={remove.isPending}>
              {t('pool.segments.remove')}
            </Button>
          </Popconfirm>
        </>
      ) : null}
      <Button onClick={() => setSaving(true)}>{t('pool.segments.saveAs')}</Button>
      <Modal
        open={saving}
        title={t('pool.segments.saveTitle')}
        okText={t('common.actions.save')}
        cancelText={t('common.actions.cancel')}
        confirmLoading={save.isPending}
        onOk={() => form.submit()}
        onCancel={() => setSaving(false)}
        destroyOnHidden
      >
        {formError.length ? <Alert type="error" title={formError.join('; ')} style={{ marginBottom: 12 }} /> : null}
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => {
            setFormError([]);
            save.mutate(v.name);
          }}
        >
          <Form.Item
            label={t('pool.segments.name')}
            name="name"
            rules={[{ required: true, whitespace: true, message: t('pool.segments.nameRequired') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
