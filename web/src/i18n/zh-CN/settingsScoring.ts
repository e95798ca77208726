/** Settings screen strings (zh-CN). Keys must match ../en/settingsScoring.ts. */
export const settingsScoring = {
  title: 'settingsScoring',
} as const;
