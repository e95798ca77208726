/** Settings screen strings (zh-CN). Keys must match ../en/settingsChannels.ts. */
export const settingsChannels = {
  title: 'settingsChannels',
} as const;
