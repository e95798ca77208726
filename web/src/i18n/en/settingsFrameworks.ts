import type { Catalogue } from '../catalogue.js';

/** Settings screen strings (en). Keys must match ../zh-CN/settingsFrameworks.ts. */
export const settingsFrameworks: Catalogue['settingsFrameworks'] = {
  title: 'settingsFrameworks',
};
