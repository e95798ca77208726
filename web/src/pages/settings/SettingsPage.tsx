import type { QueryClient } from '@tanstack/react-query';
import { Menu, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import type { User } from '../../api';
import { channelsQuery } from '../../channels';
import { type SettingsSection, settingsByRole } from '../../navigation';
import type { Prefetch } from '../../prefetch';
import { repsQuery } from '../../reps';
import { useMe } from '../../session';
import { colleaguesQuery, usersQuery } from '../../users';
import { NotFoundView } from '../ErrorView';
import { calendarsQuery } from './CalendarYears';
import { ChannelsSettings } from './ChannelsSettings';
import { channelsAdminQuery } from './ChannelsTable';
import { DefinitionsSettings, definitionsQuery } from './DefinitionsSettings';
import { eligibilityQuery } from './EligibilityEditor';
import { FrameworksSettings, frameworksQuery } from './FrameworksSettings';
import { ModelsSettings, modelsQuery } from './ModelsSettings';
import { NotificationsSettings } from './NotificationsSettings';
import { RosterSettings } from './RosterSettings';
import { RoutingSettings, readsUsers, routingQuery } from './RoutingSettings';
import { ScoringSettings, scoringRulesQuery } from './ScoringSettings';
import { SlaSettings, slaPolicyQuery } from './SlaSettings';
import { UsersSettings } from './UsersSettings';

/** What each settings screen reads first (notifications, three lists of its own, reads as it renders). */
const firstReads: Partial<Record<SettingsSection, (client: QueryClient, user: User) => void>> = {
  users: (client) => void client.prefetchQuery(usersQuery),
  roster: (client) =>
    // The eligibility list is of the server's month, which the roster carries.
    void client.fetchQuery(repsQuery).then(
      (reps) => {
        const month = reps.items[0]?.status.month;
        if (month) void client.prefetchQuery(eligibilityQuery(month));
      },
      () => undefined, // the screen shows the error when it renders
    ),
  sla: (client) => {
    void client.prefetchQuery(slaPolicyQuery);
    void client.prefetchQuery(calendarsQuery);
    void client.prefetchQuery(channelsQuery);
  },
  channels: (client) => void client.prefetchQuery(channelsAdminQuery),
  frameworks: (client) => void client.prefetchQuery(frameworksQuery),
  definitions: (client) => {
    void client.prefetchQuery(definitionsQuery);
    void client.prefetchQuery(colleaguesQuery);
  },
  scoring: (client) => void client.prefetchQuery(scoringRulesQuery),
  models: (client) => void client.prefetchQuery(modelsQuery),
  routing: (client, user) => {
    void client.prefetchQuery(routingQuery);
    void client.prefetchQuery(channelsQuery);
    if (readsUsers(user.role)) void client.prefetchQuery(usersQuery);
  },
};

/** The reads of the settings screen at the path (/settings alone shows the role's first one). */
export const prefetch: Prefetch = (client, pathname, user) => {
  const sections = settingsByRole[user.role];
  const asked = pathname.split('/')[2] || sections[0];
  const section = sections.find((s) => s === asked);
  if (section) firstReads[section]?.(client, user);
};

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
