/** The pool screen's strings (zh-CN). Keys must match ../en/pool.ts. */
export const pool = {
  title: 'pool',
} as const;
