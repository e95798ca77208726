/** Settings screen strings (zh-CN). Keys must match ../en/settingsFrameworks.ts. */
export const settingsFrameworks = {
  title: 'settingsFrameworks',
} as const;
