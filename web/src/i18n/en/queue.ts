import type { Catalogue } from '../catalogue.js';

/** The queue screen's strings (en). Keys must match ../zh-CN/queue.ts. */
export const queue: Catalogue['queue'] = {
  title: 'queue',
};
