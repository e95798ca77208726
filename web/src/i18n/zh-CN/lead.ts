/** The lead screen's strings (zh-CN). Keys must match ../en/lead.ts. */
export const lead = {
  title: 'lead',
} as const;
