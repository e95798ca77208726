import type { Catalogue } from '../catalogue.js';

/** The dashboard screen's strings (en). Keys must match ../zh-CN/dashboard.ts. */
export const dashboard: Catalogue['dashboard'] = {
  title: 'dashboard',
};
