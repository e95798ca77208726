/** English: every string of the console. Keys must match zh-CN.ts (test/web/i18n-catalogue.test.ts). */
import type { Catalogue } from './catalogue.js';
import { common } from './en/common.js';
import { dashboard } from './en/dashboard.js';
import { dispatch } from './en/dispatch.js';
import { handoff } from './en/handoff.js';
import { inbox } from './en/inbox.js';
import { lead } from './en/lead.js';
import { notifications } from './en/notifications.js';
import { plan } from './en/plan.js';
import { pool } from './en/pool.js';
import { queue } from './en/queue.js';
import { routingLines } from './en/routingLines.js';
import { settings } from './en/settings.js';
import { settingsChannels } from './en/settingsChannels.js';
import { settingsDefinitions } from './en/settingsDefinitions.js';
import { settingsFrameworks } from './en/settingsFrameworks.js';
import { settingsModels } from './en/settingsModels.js';
import { settingsNotifications } from './en/settingsNotifications.js';
import { settingsRouting } from './en/settingsRouting.js';
import { settingsScoring } from './en/settingsScoring.js';
import { simulate } from './en/simulate.js';

export const en: Catalogue = {
  app: { name: 'LeadLoop' },
  language: { label: 'Language', zh: '中文', en: 'English' },
  login: {
    title: 'Sign in to LeadLoop',
    email: 'Email',
    password: 'Password',
    submit: 'Log in',
    emailRequired: 'Enter your e-mail',
    passwordRequired: 'Enter your password',
    invalid: 'The e-mail or the password is not right',
    throttled: 'Too many failed attempts: try again in {{seconds}} s',
    expired: 'Sign in to continue',
  },
  nav: {
    main: 'Main navigation',
    queue: 'Queue',
    pool: 'Pool',
    inbox: 'Inbox',
    dispatch: 'Dispatch',
    dashboard: 'Dashboard',
    plan: 'Planner',
    simulate: 'Simulate',
    settings: 'Settings',
    account: 'My account',
  },
  shell: { signOut: 'Sign out', signedInAs: 'Signed in as {{name}}' },
  roles: {
    sdr: 'SDR',
    sdr_lead: 'SDR lead',
    sales: 'Sales',
    sales_manager: 'Sales manager',
    sales_ops: 'Sales ops',
    sales_assistant: 'Sales assistant',
    marketing: 'Marketing',
    admin: 'Administrator',
  },
  errors: {
    forbiddenTitle: 'Not allowed',
    forbidden: 'Your role may not see this.',
    notFoundTitle: 'Page not found',
    notFound: 'There is no such page.',
    generic: 'Something went wrong: try again later.',
    fileRefused: 'The file cannot be imported',
    backHome: 'Back to the start page',
  },
  account: {
    title: 'My account',
    changePassword: 'Change password',
    current: 'Current password',
    newPassword: 'New password',
    confirm: 'Confirm new password',
    submit: 'Change password',
    required: 'Required',
    tooShort: 'At least 8 characters',
    mismatch: 'The two new passwords differ',
    wrongCurrent: 'The current password is not right',
    changed: 'Password changed',
  },
  users: {
    title: 'Users',
    name: 'Name',
    email: 'Email',
    role: 'Role',
    team: 'Team',
  },
  common,
  routingLines,
  queue,
  lead,
  inbox,
  handoff,
  pool,
  dispatch,
  dashboard,
  notifications,
  settings,
  settingsChannels,
  settingsNotifications,
  settingsDefinitions,
  settingsModels,
  settingsScoring,
  settingsFrameworks,
  settingsRouting,
  plan,
  simulate,
};
