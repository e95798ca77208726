import type { Catalogue } from '../catalogue.js';

/** The dispatch screen's strings (en). Keys must match ../zh-CN/dispatch.ts. */
export const dispatch: Catalogue['dispatch'] = {
  title: 'dispatch',
};
