import type { Catalogue } from '../catalogue.js';

/** The inbox screen's strings (en). Keys must match ../zh-CN/inbox.ts. */
export const inbox: Catalogue['inbox'] = {
  title: 'inbox',
};
