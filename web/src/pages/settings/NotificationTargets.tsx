import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  type TableColumnType,
  Typography,
} from 'antd';
import { type CSSProperties, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { FormModal } from '../../components/FormModal';
import { ErrorView } from '../ErrorView';
import { NotificationsDeliveryLog } from './NotificationsDeliveryLog';
import { useEventLabel, useEventOptions } from './NotificationsEvents';
import { NotificationsSendTest } from './NotificationsSendTest';

export interface NotificationTarget {
  id: string;
  events: string[];
}

/**
 * A list of places events are sent to (webhooks, team-chat robots: GET/POST/DELETE {path}) as a
 * settings section: its title and add button, a table whose rows each have send test, the
 * delivery log and remove, and the add form (`addForm`, opened by the button).
 */
export function NotificationTargets<T extends NotificationTarget, NewTarget>({
  path,
  texts,
  titleId,
  style,
  nameOf,
  columns,
  addForm,
}: {
  path: string;
  /** The i18n prefix of the section's title, add, empty and added strings. */
  texts: string;
  titleId: string;
  style?: CSSProperties;
  /** How a row is named in its buttons' accessible names and in the delivery log. */
  nameOf(target: T): string;
  /** The table's columns before the actions, given the events column to place. */
  columns(events: TableColumnType<T>): TableColumnsType<T>;
  /** The add form: its name, the API's field names it has, the call that adds, and its fields. */
  addForm: {
    name: string;
    fields: readonly string[];
    save(values: NewTarget): Promise<unknown>;
    initialValues?: Partial<NewTarget>;
    children: ReactNode;
  };
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const eventLabel = useEventLabel();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [logOf, setLogOf] = useState<T | null>(null);
  const queryKey = [path];
  const targets = useQuery({ queryKey, queryFn: () => api<{ items: T[] }>('GET', path) });
  const remove = useMutation({
    mutationFn: (id: string) => api('DELETE', `${path}/${id}`),
    onSuccess: () => {
      void message.success(t('settingsNotifications.removed'));
      void queryClient.invalidateQueries({ queryKey });
    },
    onError: (e) => void message.error(e.message),
  });
  if (targets.error) return <ErrorView error={targets.error} />;
  return (
    <section aria-labelledby={titleId} style={style}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} id={titleId}>
          {t(`${texts}.title`)}
        </Typography.Title>
        <Button type="primary" onClick={() => setAdding(true)}>
          {t(`${texts}.add`)}
        </Button>
      </Space>
      <Table<T>
        rowKey="id"
        size="small"
        loading={targets.isPending}
        dataSource={targets.data?.items ?? []}
        locale={{ emptyText: <Typography.Text>{t(`${texts}.empty`)}</Typography.Text> }}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          ...columns({
            title: t('settingsNotifications.events'),
            dataIndex: 'events',
            render: (events: string[]) => events.map(eventLabel).join('、'),
          }),
          {
            title: t('settingsNotifications.actions'),
            key: 'actions',
            render: (_, r) => (
              <NotificationsSendTest path={`${path}/${r.id}`} name={nameOf(r)}>
                <Button
                  size="small"
                  onClick={() => setLogOf(r)}
                  aria-label={t('settingsNotifications.deliveriesAria', { name: nameOf(r) })}
                >
                  {t('settingsNotifications.deliveries')}
                </Button>
                <Popconfirm
                  title={t('settingsNotifications.removeConfirm')}
                  okText={t('common.actions.confirm')}
                  cancelText={t('common.actions.cancel')}
                  onConfirm={() => remove.mutate(r.id)}
                >
                  <Button size="small" danger aria-label={t('settingsNotifications.removeAria', { name: nameOf(r) })}>
                    {t('settingsNotifications.remove')}
                  </Button>
                </Popconfirm>
              </NotificationsSendTest>
            ),
          },
        ]}
      />
      <FormModal<NewTarget, unknown>
        title={t(`${texts}.add`)}
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          void message.success(t(`${texts}.added`));
          void queryClient.invalidateQueries({ queryKey });
        }}
        {...addForm}
      />
      <NotificationsDeliveryLog
        path={logOf ? `${path}/${logOf.id}` : null}
        name={logOf ? nameOf(logOf) : ''}
        onClose={() => setLogOf(null)}
      />
    </section>
  );
}

/** The add form's address and events fields (both required). */
export function UrlAndEventsFields({ placeholder }: { placeholder: string }) {
  const { t } = useTranslation();
  const eventOptions = useEventOptions();
  const required = [{ required: true, message: t('settingsNotifications.required') }];
  return (
    <>
      <Form.Item name="url" label={t('settingsNotifications.url')} rules={required}>
        <Input placeholder={placeholder} autoComplete="off" />
      </Form.Item>
      <Form.Item name="events" label={t('settingsNotifications.events')} rules={required}>
        <Select mode="multiple" options={eventOptions} optionFilterProp="label" />
      </Form.Item>
    </>
  );
}
