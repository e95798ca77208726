import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { FormModal } from '../../components/FormModal';

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
/** A new channel starts from the defaults each time the form opens. */
const blank: Partial<ChannelInput> = {};

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
  const { t, i18n } = useTranslation();
  const adding = channel === 'new';
  const editing = channel === 'new' ? null : channel;
  const required = [{ required: true, message: t('settingsChannels.required') }];
  return (
    <FormModal<ChannelInput, ChannelRow>
      title={
        editing
          ? t('settingsChannels.editTitle', {
              name: i18n.language === 'en' ? editing.name : editing.nameZh || editing.name,
            })
          : t('settingsChannels.add')
      }
      open={channel !== null}
      onClose={onClose}
      onSaved={(c) => onSaved(c, adding)}
      name="channel"
      fields={fields}
      save={(v) =>
        editing
          ? api<ChannelRow>('PATCH', `/channels/${editing.id}`, {
              name: v.name,
              ...(v.nameZh ? { nameZh: v.nameZh } : {}),
              kind: v.kind,
              defaultPath: v.defaultPath,
            })
          : api<ChannelRow>('POST', '/channels', { ...v, nameZh: v.nameZh || null })
      }
      initialValues={{ kind: 'paid', defaultPath: 'sdr_queue' }}
      values={editing ?? blank}
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
    </FormModal>
  );
}
