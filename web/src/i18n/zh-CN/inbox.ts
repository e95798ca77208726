/** The inbox screen's strings (zh-CN). Keys must match ../en/inbox.ts. */
export const inbox = {
  title: 'inbox',
} as const;
