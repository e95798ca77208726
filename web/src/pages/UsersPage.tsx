import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type User } from '../api';
import { ErrorView } from './ErrorView';

/** Settings → users: the roster as the API returns it (GET /users; 403 for roles that may not). */
export default function UsersPage() {
  const { t } = useTranslation();
  const users = useQuery({
    queryKey: ['users'],
    queryFn: () => api<{ items: User[] }>('GET', '/users'),
    retry: false,
  });
  return (
    <section>
      <Typography.Title level={2}>{t('nav.settings')}</Typography.Title>
      {users.error ? (
        <ErrorView error={users.error} />
      ) : (
        <>
          <Typography.Title level={3}>{t('users.title')}</Typography.Title>
          <Table<User>
            rowKey="id"
            loading={users.isPending}
            dataSource={users.data?.items ?? []}
            pagination={false}
            columns={[
              { title: t('users.name'), dataIndex: 'name' },
              { title: t('users.email'), dataIndex: 'email' },
              { title: t('users.role'), dataIndex: 'role', render: (role: User['role']) => t(`roles.${role}`) },
            ]}
          />
          <Alert type="info" title={t('users.moreLater')} style={{ marginTop: 16 }} />
        </>
      )}
    </section>
  );
}
