import type { Catalogue } from '../catalogue.js';

/** Settings screen strings (en). Keys must match ../zh-CN/settingsRouting.ts. */
export const settingsRouting: Catalogue['settingsRouting'] = {
  title: 'settingsRouting',
};
