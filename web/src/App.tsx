import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiError } from './api';
import { type Area, areasByRole, homeOf } from './navigation';
import { ErrorView, NotFoundView } from './pages/ErrorView';
import LoginPage from './pages/LoginPage';
import { useMe } from './session';

// The signed-in screens load after sign-in, keeping /login small.
const Shell = lazy(() => import('./pages/Shell'));
const PlaceholderPage = lazy(() => import('./pages/PlaceholderPage'));
const UsersPage = lazy(() => import('./pages/UsersPage'));
const AccountPage = lazy(() => import('./pages/AccountPage'));

function Home() {
  const me = useMe();
  return me.data ? <Navigate to={homeOf(me.data.role)} replace /> : null;
}

/** An area outside the user's role says so plainly (the API would answer 403 too). */
function AreaPage({ area }: { area: Area }) {
  const me = useMe();
  if (me.data && !areasByRole[me.data.role].includes(area)) {
    return <ErrorView error={new ApiError(403, null)} />;
  }
  return <PlaceholderPage area={area} />;
}

export default function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      button={{ autoInsertSpace: false }}
      // antd's default blue (#1677ff) under white text is 4.1:1; blue-7 passes WCAG AA (4.5:1).
      theme={{ token: { colorPrimary: '#0958d9' } }}
    >
      <BrowserRouter>
        <Suspense fallback={null}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route element={<Shell />}>
              <Route index element={<Home />} />
              <Route path="queue" element={<AreaPage area="queue" />} />
              <Route path="leads/:id" element={<AreaPage area="queue" />} />
              <Route path="pool" element={<AreaPage area="pool" />} />
              <Route path="inbox" element={<AreaPage area="inbox" />} />
              <Route path="handoffs/:id" element={<AreaPage area="inbox" />} />
              <Route path="dispatch" element={<AreaPage area="dispatch" />} />
              <Route path="dashboard" element={<AreaPage area="dashboard" />} />
              <Route path="plan" element={<AreaPage area="plan" />} />
              <Route path="settings/*" element={<UsersPage />} />
              <Route path="account" element={<AccountPage />} />
              <Route path="*" element={<NotFoundView />} />
            </Route>
          </Routes>
        </Suspense>
      </BrowserRouter>
    </ConfigProvider>
  );
}
