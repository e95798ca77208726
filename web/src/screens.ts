/**
 * The signed-in screens, each its own chunk (keeping /login small), and the chunks a path needs,
 * so main.tsx loads them alongside the language catalogue instead of one after another.
 *
 * A screen whose chunk has loaded renders at once: React.lazy suspends on a promise even when the
 * module is already there, and React 19 holds back each reveal of suspended content until 300 ms
 * after the last fallback shown, so the shell and then the page would each cost up to 300 ms of
 * idle time. Handing lazy an already-settled thenable lets it use the module without suspending.
 */
import type { QueryClient } from '@tanstack/react-query';
import { type ComponentType, lazy } from 'react';
import type { User } from './api';
import type { Prefetch } from './prefetch';

type Module = { default: ComponentType; prefetch?: Prefetch };

export interface Screen {
  Component: ComponentType;
  /** Loads the screen's chunk (once). */
  load(): Promise<Module>;
}

function screen(importModule: () => Promise<Module>): Screen {
  let loaded: Module | undefined;
  let loading: Promise<Module> | undefined;
  const load = () => {
    loading ??= importModule().then(
      (module) => {
        loaded = module;
        return module;
      },
      (error: unknown) => {
        loading = undefined; // asked for again on the next use
        throw error;
      },
    );
    return loading;
  };
  // A thenable that calls back at once: React.lazy then has the module without suspending.
  const settled = (module: Module) =>
    // biome-ignore lint/suspicious/noThenProperty: a thenable is what React.lazy takes
    ({ then: (resolve: (value: Module) => void) => resolve(module) }) as unknown as Promise<Module>;
  return { Component: lazy(() => (loaded ? settled(loaded) : load())), load };
}

export const screens = {
  shell: screen(() => import('./pages/Shell')),
  settings: screen(() => import('./pages/settings/SettingsPage')),
  account: screen(() => import('./pages/AccountPage')),
  queue: screen(() => import('./pages/queue/QueuePage')),
  lead: screen(() => import('./pages/lead/LeadPage')),
  inbox: screen(() => import('./pages/inbox/InboxPage')),
  handoff: screen(() => import('./pages/handoff/HandoffPage')),
  pool: screen(() => import('./pages/pool/PoolPage')),
  dispatch: screen(() => import('./pages/dispatch/DispatchPage')),
  dashboard: screen(() => import('./pages/dashboard/DashboardPage')),
  plan: screen(() => import('./pages/plan/PlanPage')),
  simulate: screen(() => import('./pages/simulate/SimulatePage')),
};

/** The screen at a path's first segment, as App's routes place them. */
const byFirstSegment: Record<string, Screen> = {
  queue: screens.queue,
  leads: screens.lead,
  pool: screens.pool,
  inbox: screens.inbox,
  handoffs: screens.handoff,
  dispatch: screens.dispatch,
  dashboard: screens.dashboard,
  plan: screens.plan,
  simulate: screens.simulate,
  settings: screens.settings,
  account: screens.account,
};

/**
 * Loads the chunks the path shows, the shell and its screen (nothing more for /login), and
 * starts the screen's first reads (its `prefetch`) as soon as its chunk is there and someone is
 * signed in (signed out, the shell sends the user to /login and the screen reads nothing).
 */
export async function loadScreensFor(
  pathname: string,
  client: QueryClient,
  signedIn: Promise<User | null>,
): Promise<void> {
  const first = pathname.split('/')[1] ?? '';
  if (first === 'login') return;
  const page = byFirstSegment[first]?.load();
  void Promise.all([page, signedIn]).then(
    ([module, user]) => {
      if (user) module?.prefetch?.(client, pathname, user);
    },
    () => undefined, // the screen asks for its chunk again when it renders
  );
  await Promise.all([screens.shell.load(), page]);
}
