import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles } from '../../../../src/domain/roles.js';
import { api, type Role, type User } from '../../api';
import { FormModal } from '../../components/FormModal';
import { usersKey, useUsers } from '../../users';
import { ErrorView } from '../ErrorView';

const userFields = ['name', 'email', 'role', 'team', 'password'] as const;

interface NewUser {
  name: string;
  email: string;
  role: Role;
  team?: string;
  password?: string;
}

/** Settings → users: the roster of people (GET /users), adding one, issuing an API token. */
export function UsersSettings() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [adding, setAdding] = useState(false);
  const [tokenFor, setTokenFor] = useState<User | null>(null);
  const users = useUsers();

  if (users.error) return <ErrorView error={users.error} />;
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3}>{t('users.title')}</Typography.Title>
        <Button type="primary" onClick={() => setAdding(true)}>
          {t('settings.addUser')}
        </Button>
      </Space>
      <Table<User>
        rowKey="id"
        loading={users.isPending}
        dataSource={users.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('users.name'), dataIndex: 'name' },
          { title: t('users.email'), dataIndex: 'email' },
          { title: t('users.role'), dataIndex: 'role', render: (role: Role) => t(`roles.${role}`) },
          {
            title: t('settings.active'),
            dataIndex: 'active',
            render: (active: boolean) =>
              active ? <Tag color="green">{t('settings.activeYes')}</Tag> : <Tag>{t('settings.activeNo')}</Tag>,
          },
          {
            title: t('settings.issueToken'),
            key: 'token',
            render: (_, user) => (
              <Button
                size="small"
                onClick={() => setTokenFor(user)}
                aria-label={`${t('settings.issueToken')}: ${user.name}`}
              >
                {t('settings.issueToken')}
              </Button>
            ),
          },
        ]}
      />
      <AddUserModal
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={(user) => {
          setAdding(false);
          void message.success(t('settings.created', { name: user.name }));
          void queryClient.invalidateQueries({ queryKey: usersKey });
        }}
      />
      <TokenModal user={tokenFor} onClose={() => setTokenFor(null)} />
    </>
  );
}

function AddUserModal({ open, onClose, onAdded }: { open: boolean; onClose(): void; onAdded(user: User): void }) {
  const { t } = useTranslation();
  return (
    <FormModal<NewUser, User>
      title={t('settings.addUser')}
      open={open}
      onClose={onClose}
      onSaved={onAdded}
      name="add-user"
      fields={userFields}
      save={(values) =>
        api<User>('POST', '/users', {
          ...values,
          team: values.team || undefined,
          password: values.password || undefined,
        })
      }
      initialValues={{ role: 'sdr' }}
    >
      <Form.Item name="name" label={t('users.name')} rules={[{ required: true, message: t('account.required') }]}>
        <Input />
      </Form.Item>
      <Form.Item name="email" label={t('users.email')} rules={[{ required: true, message: t('account.required') }]}>
        <Input type="email" />
      </Form.Item>
      <Form.Item name="role" label={t('users.role')}>
        <Select options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
      </Form.Item>
      <Form.Item name="team" label={t('settings.team')}>
        <Input />
      </Form.Item>
      <Form.Item name="password" label={t('settings.password')} rules={[{ min: 8, message: t('account.tooShort') }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}

function TokenModal({ user, onClose }: { user: User | null; onClose(): void }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const issue = useMutation({
    mutationFn: (u: User) =>
      api<{ id: string; token: string }>('POST', `/users/${u.id}/tokens`, { label: label || null }),
  });
  const close = () => {
    issue.reset();
    setLabel('');
    onClose();
  };
  return (
    <Modal
      title={user ? t('settings.tokenTitle', { name: user.name }) : ''}
      open={user !== null}
      onCancel={close}
      footer={
        issue.data ? (
          <Button onClick={close}>{t('common.actions.confirm')}</Button>
        ) : (
          <Button type="primary" loading={issue.isPending} onClick={() => user && issue.mutate(user)}>
            {t('settings.issueToken')}
          </Button>
        )
      }
    >
      {issue.error ? <ErrorView error={issue.error} /> : null}
      {issue.data ? (
        <>
          <Alert type="warning" title={t('settings.tokenOnce')} style={{ marginBottom: 12 }} />
          <Typography.Paragraph copyable code>
            {issue.data.token}
          </Typography.Paragraph>
        </>
      ) : (
        <Form layout="vertical">
          <Form.Item label={t('settings.tokenLabel')} htmlFor="token-label">
            <Input id="token-label" value={label} onChange={(e) => setLabel(e.target.value)} maxLength={100} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
