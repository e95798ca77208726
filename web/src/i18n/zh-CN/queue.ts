/** The queue screen's strings (zh-CN). Keys must match ../en/queue.ts. */
export const queue = {
  title: 'queue',
} as const;
