import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { showFieldErrors } from '../../forms';
import { type Rep, repsKey } from '../../reps';
import { availability, dispatchesKey, resolveDispatch } from './dispatchApi';

interface Values {
  repId: string;
  as: 'assign' | 'sync';
}

/**
 * Resolve a request with a rep (POST /dispatches/{id}/resolve): a new assignment, or a sync to
 * the account's existing owner with partial credit (offered first when routing found an owner).
 */
export function ResolveForm(props: {
  dispatchId: string;
  reps: Rep[];
  ownerId: string | null;
  onResolved(name: string): void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<string[]>([]);
  const resolve = useMutation({
    mutationFn: (v: Values) => resolveDispatch(props.dispatchId, v.repId, v.as),
    onSuccess: async (_, v) => {
      props.onResolved(props.reps.find((r) => r.userId === v.repId)?.name ?? v.repId);
      await Promise.all([
        client.invalidateQueries({ queryKey: dispatchesKey }),
        client.invalidateQueries({ queryKey: repsKey }),
      ]);
    },
    onError: (error) => setErrors(showFieldErrors(form, error, ['repId', 'as'])),
  });
  return (
    <>
      {errors.length ? <Alert type="error" title={errors.join('; ')} style={{ marginBottom: 8 }} /> : null}
      <Form<Values>
        form={form}
        name={`resolve-${props.dispatchId}`}
        layout="vertical"
        initialValues={{ as: props.ownerId ? 'sync' : 'assign', repId: props.ownerId ?? undefined }}
        onFinish={(v) => {
          setErrors([]);
          resolve.mutate(v);
        }}
      >
        <Form.Item
          label={t('dispatch.resolve.rep')}
          name="repId"
          rules={[{ required: true, message: t('dispatch.resolve.repRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ maxWidth: 420 }}
            options={props.reps
              .filter((rep) => rep.active)
              .map((rep) => ({
                value: rep.userId,
                label: `${rep.name} · ${f.number(rep.status.openMqls)}/${rep.profile ? f.number(rep.profile.capacity) : '—'} · ${t(`dispatch.candidates.${availability(rep)}`)}`,
              }))}
          />
        </Form.Item>
        <Form.Item label={t('dispatch.resolve.as')} name="as">
          <Radio.Group
            options={[
              { value: 'assign', label: t('dispatch.resolve.assign') },
              { value: 'sync', label: t('dispatch.resolve.sync') },
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={resolve.isPending}>
          {t('dispatch.resolve.submit')}
        </Button>
      </Form>
    </>
  );
}
