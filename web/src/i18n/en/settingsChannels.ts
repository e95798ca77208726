import type { Catalogue } from '../catalogue.js';

/** Settings screen strings (en). Keys must match ../zh-CN/settingsChannels.ts. */
export const settingsChannels: Catalogue['settingsChannels'] = {
  title: 'settingsChannels',
};
