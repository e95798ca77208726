/** Settings screen strings (zh-CN). Keys must match ../en/settingsDefinitions.ts. */
export const settingsDefinitions = {
  title: 'settingsDefinitions',
} as const;
