import { useQueryClient } from '@tanstack/react-query';
import { App as AntdApp, Button, Layout, Menu, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { api, sessionEnded } from '../api';
import { NotificationBell } from '../components/NotificationBell';
import { LanguageSelect } from '../LanguageSelect';
import { useLiveUpdates } from '../live';
import { type Area, areaPaths, areasByRole } from '../navigation';
import { meKey, useMe } from '../session';
import { ErrorView } from './ErrorView';

/**
 * The signed-in frame: navigation by role, language, account and sign-out. Signed out (or
 * once the session ends) it sends the user to /login?next=<where they were>.
 */
export default function Shell() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useLiveUpdates(Boolean(me.data));

  useEffect(() => {
    const ended = () => queryClient.setQueryData(meKey, null);
    window.addEventListener(sessionEnded, ended);
    return () => window.removeEventListener(sessionEnded, ended);
  }, [queryClient]);

  // Each move to another screen checks that the session still holds.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-check on path change only
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: meKey });
  }, [location.pathname, queryClient]);

  if (me.isPending) return <Spin fullscreen />;
  if (me.error) return <ErrorView error={me.error} />;
  const user = me.data;
  if (!user) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }

  const areas = areasByRole[user.role];
  const selected = areas.find((a) => location.pathname.startsWith(areaPaths[a]));

  async function signOut() {
    try {
      await api('POST', '/auth/logout');
    } finally {
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
      navigate('/login', { replace: true });
    }
  }

  // AntdApp gives the signed-in screens their message and modal hooks (kept out of /login's JS).
  return (
    <AntdApp>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header className="shell-header">
          <Link to="/" className="shell-brand">
            {t('app.name')}
          </Link>
          <nav aria-label={t('nav.main')} className="shell-nav">
            <Menu
              mode="horizontal"
              theme="dark"
              selectedKeys={selected ? [selected] : []}
              items={areas.map((area: Area) => ({
                key: area,
                label: <Link to={areaPaths[area]}>{t(`nav.${area}`)}</Link>,
              }))}
            />
          </nav>
          <div className="shell-tools">
            <NotificationBell />
            <LanguageSelect />
            <Link to="/account" className="shell-user">
              {user.name} · {t(`roles.${user.role}`)}
            </Link>
            <Button onClick={signOut}>{t('shell.signOut')}</Button>
          </div>
        </Layout.Header>
        <Layout.Content className="shell-content">
          <Typography.Text className="visually-hidden">{t('shell.signedInAs', { name: user.name })}</Typography.Text>
          <Outlet />
        </Layout.Content>
      </Layout>
    </AntdApp>
  );
}
