import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // expect.poll waits for what a page or server shows after an action: 1 s (vitest's default)
    // was too short for the browser suite on a 2-CPU machine busy with the rest of the suite.
    expect: { poll: { timeout: 15_000 } },
  },
});
