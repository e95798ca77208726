import type { Catalogue } from '../catalogue.js';

/** The pool screen's strings (en). Keys must match ../zh-CN/pool.ts. */
export const pool: Catalogue['pool'] = {
  title: 'pool',
};
