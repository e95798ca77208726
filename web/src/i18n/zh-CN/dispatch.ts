/** The dispatch screen's strings (zh-CN). Keys must match ../en/dispatch.ts. */
export const dispatch = {
  title: 'dispatch',
} as const;
