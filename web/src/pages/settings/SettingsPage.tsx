import { Alert, Menu, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { NotFoundView } from '../ErrorView';
import { RosterSettings } from './RosterSettings';
import { SlaSettings } from './SlaSettings';
import { UsersSettings } from './UsersSettings';

const sections = ['users', 'roster', 'sla'] as const;

/** /settings/…: a menu of the settings screens, each at its own address. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const current = sections.find((s) => location.pathname.startsWith(`/settings/${s}`));
  return (
    <section className="settings-page">
      <Typography.Title level={2}>{t('nav.settings')}</Typography.Title>
      <div className="settings-layout">
        <nav aria-label={t('settings.menu')} className="settings-menu">
          <Menu
            mode="inline"
            selectedKeys={current ? [current] : []}
            items={sections.map((s) => ({ key: s, label: <Link to={`/settings/${s}`}>{t(`settings.${s}`)}</Link> }))}
          />
        </nav>
        <div className="settings-body">
          <Routes>
            <Route index element={<Navigate to="users" replace />} />
            <Route path="users" element={<UsersSettings />} />
            <Route path="roster" element={<RosterSettings />} />
            <Route path="sla" element={<SlaSettings />} />
            <Route path="*" element={<NotFoundView />} />
          </Routes>
          <Alert type="info" title={t('settings.more')} style={{ marginTop: 24 }} />
        </div>
      </div>
    </section>
  );
}
