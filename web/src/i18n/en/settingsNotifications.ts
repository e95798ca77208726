import type { Catalogue } from '../catalogue.js';

/** Settings screen strings (en). Keys must match ../zh-CN/settingsNotifications.ts. */
export const settingsNotifications: Catalogue['settingsNotifications'] = {
  title: 'settingsNotifications',
};
