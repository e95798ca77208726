import { ConfigProvider } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiError } from './api';
import { antdLocale } from './i18n';
import { type Area, areasByRole, homeOf } from './navigation';
import { ErrorView, NotFoundView } from './pages/ErrorView';
import LoginPage from './pages/LoginPage';
import { screens } from './screens';
import { useMe } from './session';

// The signed-in screens load after sign-in (or alongside the language, main.tsx), keeping /login small.
const Shell = screens.shell.Component;
const SettingsPage = screens.settings.Component;
const AccountPage = screens.account.Component;
const QueuePage = screens.queue.Component;
const LeadPage = screens.lead.Component;
const InboxPage = screens.inbox.Component;
const HandoffPage = screens.handoff.Component;
const PoolPage = screens.pool.Component;
const DispatchPage = screens.dispatch.Component;
const DashboardPage = screens.dashboard.Component;
const PlanPage = screens.plan.Component;
const SimulatePage = screens.simulate.Component;

function Home() {
  const me = useMe();
  return me.data ? <Navigate to={homeOf(me.data.role)} replace /> : null;
}

/**
 * A screen of one or more areas: outside the user's role it says so plainly (the API would
 * answer 403 too). A hand-off page belongs to the inbox, the dispatch board and the queue alike,
 * since chat-robot cards link there for reps, dispatchers and SDRs.
 */
function AreaPage({ area, children }: { area: Area | Area[]; children: ReactNode }) {
  const user = useMe().data;
  const areas = Array.isArray(area) ? area : [area];
  if (user && !areas.some((a) => areasByRole[user.role].includes(a))) {
    return <ErrorView error={new ApiError(403, null)} />;
  }
  return children;
}

export default function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={antdLocale(i18n.language)}
      button={{ autoInsertSpace: false }}
      // antd's default blue (#1677ff) under white text is 4.1:1; blue-7 (hover blue-8) passes WCAG AA (4.5:1), and
      // so do secondary texts at 65% black (antd's 45% is 3.4:1 on white) and field errors in red-7.
      theme={{
        // antd's styles come from its prebuilt stylesheet (main.tsx), not generated in every page load (~30% of
        // the scripting time of a screen): our tokens below still reach it as CSS variables set at run time.
        zeroRuntime: true,
        token: {
          colorPrimary: '#0958d9',
          colorPrimaryHover: '#003eb3',
          colorPrimaryActive: '#002c8c',
          colorError: '#cf1322',
          colorLink: '#0958d9',
          colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
          colorTextDescription: 'rgba(0, 0, 0, 0.65)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
        },
      }}
    >
      <BrowserRouter>
        <Suspense fallback={null}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route element={<Shell />}>
              <Route index element={<Home />} />
              <Route
                path="queue"
                element={
                  <AreaPage area="queue">
                    <QueuePage />
                  </AreaPage>
                }
              />
              <Route
                path="leads/:id"
                element={
                  // Every role reads the leads of its scope (the API scopes them): leaders follow
                  // links here from simulations, previews and reports; the actions follow the role.
                  <AreaPage area={['queue', 'pool', 'inbox', 'dispatch', 'dashboard', 'plan', 'settings', 'simulate']}>
                    <LeadPage />
                  </AreaPage>
                }
              />
              <Route
                path="pool"
                element={
                  <AreaPage area="pool">
                    <PoolPage />
                  </AreaPage>
                }
              />
              <Route
                path="inbox"
                element={
                  <AreaPage area="inbox">
                    <InboxPage />
                  </AreaPage>
                }
              />
              <Route
                path="handoffs/:id"
                element={
                  <AreaPage area={['inbox', 'dispatch', 'queue']}>
                    <HandoffPage />
                  </AreaPage>
                }
              />
              <Route
                path="dispatch"
                element={
                  <AreaPage area="dispatch">
                    <DispatchPage />
                  </AreaPage>
                }
              />
              <Route
                path="dashboard"
                element={
                  <AreaPage area="dashboard">
                    <DashboardPage />
                  </AreaPage>
                }
              />
              <Route
                path="plan"
                element={
                  <AreaPage area="plan">
                    <PlanPage />
                  </AreaPage>
                }
              />
              <Route
                path="simulate"
                element={
                  <AreaPage area="simulate">
                    <SimulatePage />
                  </AreaPage>
                }
              />
              <Route
                path="settings/*"
                element={
                  <AreaPage area="settings">
                    <SettingsPage />
                  </AreaPage>
                }
              />
              <Route path="account" element={<AccountPage />} />
              <Route path="*" element={<NotFoundView />} />
            </Route>
          </Routes>
        </Suspense>
      </BrowserRouter>
    </ConfigProvider>
  );
}
