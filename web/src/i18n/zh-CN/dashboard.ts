/** The dashboard screen's strings (zh-CN). Keys must match ../en/dashboard.ts. */
export const dashboard = {
  title: 'dashboard',
} as const;
