import type { Catalogue } from '../catalogue.js';

/** Settings screen strings (en). Keys must match ../zh-CN/settingsScoring.ts. */
export const settingsScoring: Catalogue['settingsScoring'] = {
  title: 'settingsScoring',
};
