/** The handoff screen's strings (zh-CN). Keys must match ../en/handoff.ts. */
export const handoff = {
  title: 'handoff',
} as const;
