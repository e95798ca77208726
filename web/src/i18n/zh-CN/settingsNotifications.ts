/** Settings screen strings (zh-CN). Keys must match ../en/settingsNotifications.ts. */
export const settingsNotifications = {
  title: 'settingsNotifications',
} as const;
