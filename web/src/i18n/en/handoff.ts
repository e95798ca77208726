import type { Catalogue } from '../catalogue.js';

/** The handoff screen's strings (en). Keys must match ../zh-CN/handoff.ts. */
export const handoff: Catalogue['handoff'] = {
  title: 'handoff',
};
