import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Form, Input, InputNumber } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { FormModal } from '../../components/FormModal';
import { type Rep, repsKey } from '../../reps';

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
  const values = useMemo(
    () =>
      rep && {
        regions: rep.profile?.regionNames.join('、') ?? '',
        industries: rep.profile?.industries.join('、') ?? '',
        level: rep.profile?.level ?? 1,
        weight: rep.profile?.weight ?? 1,
        capacity: rep.profile?.capacity ?? 50,
        department: rep.profile?.department ?? '',
      },
    [rep],
  );
  return (
    <FormModal<RepForm, unknown>
      title={rep ? t('settings.rep.editTitle', { name: rep.name }) : ''}
      open={rep !== null}
      onClose={onClose}
      onSaved={() => {
        void message.success(t('common.saved'));
        void queryClient.invalidateQueries({ queryKey: repsKey });
        onClose();
      }}
      name="rep-profile"
      fields={fields}
      save={(v) =>
        api('PUT', `/reps/${rep?.userId}`, {
          regions: splitList(v.regions),
          industries: splitList(v.industries),
          level: v.level,
          weight: v.weight,
          capacity: v.capacity,
          department: v.department?.trim() || null,
        })
      }
      values={values ?? undefined}
    >
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
    </FormModal>
  );
}
