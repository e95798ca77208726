import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App';
import { startI18n } from './i18n';
import { loadScreensFor } from './screens';
import { fetchMe, meKey } from './session';
// antd's stylesheet, built with it (App.tsx sets zeroRuntime): the components inject no styles of their own.
import 'antd/dist/antd.css';
import './styles.css';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: true } } });

// Who is signed in, the language and the chunks of the screen asked for, all at once: the first
// render then has them (a chunk that fails to load here is asked for again by the screen itself).
const signedIn = queryClient.fetchQuery({ queryKey: meKey, queryFn: fetchMe }).catch(() => null);
const screensLoaded = loadScreensFor(window.location.pathname, queryClient, signedIn).catch(() => undefined);
void Promise.all([startI18n(), screensLoaded]).then(() =>
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  ),
);
