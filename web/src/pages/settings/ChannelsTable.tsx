import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { prefetchedFreshMs } from '../../prefetch';
import { ErrorView } from '../ErrorView';
import { type ChannelRow, ChannelsForm } from './ChannelsForm';

export const channelsAdminKey = ['channels'];

export const channelsAdminQuery = queryOptions({
  queryKey: channelsAdminKey,
  queryFn: () => api<{ items: ChannelRow[] }>('GET', '/channels'),
  staleTime: prefetchedFreshMs,
});

/** The channel list (GET /channels) with add, edit and deactivate/activate (PATCH /channels/{id}). */
export function ChannelsTable() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<ChannelRow | 'new' | null>(null);
  const channels = useQuery(channelsAdminQuery);
  const label = (c: ChannelRow) => (i18n.language === 'en' ? c.name : c.nameZh || c.name);
  const toggle = useMutation({
    mutationFn: (c: ChannelRow) => api<ChannelRow>('PATCH', `/channels/${c.id}`, { active: !c.active }),
    onSuccess: (c) => {
      void message.success(
        t(c.active ? 'settingsChannels.activated' : 'settingsChannels.deactivated', { name: label(c) }),
      );
      void queryClient.invalidateQueries({ queryKey: channelsAdminKey });
    },
    onError: (e) => void message.error(e.message),
  });

  if (channels.error) return <ErrorView error={channels.error} />;
  return (
    <section aria-labelledby="channels-title">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} id="channels-title">
          {t('settingsChannels.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('settingsChannels.add')}
        </Button>
      </Space>
      <Table<ChannelRow>
        rowKey="id"
        size="small"
        loading={channels.isPending}
        dataSource={channels.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('settingsChannels.id'), dataIndex: 'id', render: (id: string) => <code>{id}</code> },
          { title: t('settingsChannels.nameZh'), dataIndex: 'nameZh' },
          { title: t('settingsChannels.name'), dataIndex: 'name' },
          {
            title: t('settingsChannels.kind'),
            dataIndex: 'kind',
            render: (k: ChannelRow['kind']) => t(`settingsChannels.kinds.${k}`),
          },
          {
            title: t('settingsChannels.defaultPath'),
            dataIndex: 'defaultPath',
            render: (p: ChannelRow['defaultPath']) => t(`settingsChannels.paths.${p}`),
          },
          {
            title: t('settingsChannels.status'),
            key: 'status',
            render: (_, c) => (
              <Space size={4}>
                {c.active ? (
                  <Tag color="green">{t('settingsChannels.active')}</Tag>
                ) : (
                  <Tag>{t('settingsChannels.inactive')}</Tag>
                )}
                {c.builtIn ? <Tag color="blue">{t('settingsChannels.builtIn')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('settingsChannels.actions'),
            key: 'actions',
            render: (_, c) => (
              <Space size={4}>
                <Button
                  size="small"
                  onClick={() => setEditing(c)}
                  aria-label={t('settingsChannels.editAria', { name: label(c) })}
                >
                  {t('settingsChannels.edit')}
                </Button>
                <Button
                  size="small"
                  danger={c.active}
                  loading={toggle.isPending && toggle.variables?.id === c.id}
                  onClick={() => toggle.mutate(c)}
                  aria-label={t(c.active ? 'settingsChannels.deactivateAria' : 'settingsChannels.activateAria', {
                    name: label(c),
                  })}
                >
                  {t(c.active ? 'settingsChannels.deactivate' : 'settingsChannels.activate')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <ChannelsForm
        channel={editing}
        onClose={() => setEditing(null)}
        onSaved={(c, added) => {
          setEditing(null);
          void message.success(t(added ? 'settingsChannels.added' : 'settingsChannels.saved', { name: label(c) }));
          void queryClient.invalidateQueries({ queryKey: channelsAdminKey });
        }}
      />
    </section>
  );
}
