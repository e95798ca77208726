/** Settings screen strings (zh-CN). Keys must match ../en/settingsRouting.ts. */
export const settingsRouting = {
  title: 'settingsRouting',
} as const;
