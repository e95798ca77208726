import { Menu, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { settingsByRole } from '../../navigation';
import { useMe } from '../../session';
import { NotFoundView } from '../ErrorView';
import { ChannelsSettings } from './ChannelsSettings';
import { DefinitionsSettings } from './DefinitionsSettings';
import { FrameworksSettings } from './FrameworksSettings';
import { ModelsSettings } from './ModelsSettings';
import { NotificationsSettings } from './NotificationsSettings';
import { RosterSettings } from './RosterSettings';
import { RoutingSettings } from './RoutingSettings';
import { ScoringSettings } from './ScoringSettings';
import { SlaSettings } from './SlaSettings';
import { UsersSettings } from './UsersSettings';

/** /settings/…: a menu of the settings screens the role keeps or reads, each at its own address. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const role = useMe().data?.role;
  const sections = role ? settingsByRole[role] : [];
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
            <Route index element={sections[0] ? <Navigate to={sections[0]} replace /> : null} />
            <Route path="users" element={<UsersSettings />} />
            <Route path="roster" element={<RosterSettings />} />
            <Route path="sla" element={<SlaSettings />} />
            <Route path="channels" element={<ChannelsSettings />} />
            <Route path="frameworks" element={<FrameworksSettings />} />
            <Route path="definitions" element={<DefinitionsSettings />} />
            <Route path="scoring" element={<ScoringSettings />} />
            <Route path="models" element={<ModelsSettings />} />
            <Route path="routing" element={<RoutingSettings />} />
            <Route path="notifications" element={<NotificationsSettings />} />
            <Route path="*" element={<NotFoundView />} />
          </Routes>
        </div>
      </div>
    </section>
  );
}
