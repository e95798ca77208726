import type { Catalogue } from '../catalogue.js';

/** Settings screen strings (en). Keys must match ../zh-CN/settingsDefinitions.ts. */
export const settingsDefinitions: Catalogue['settingsDefinitions'] = {
  title: 'settingsDefinitions',
};
