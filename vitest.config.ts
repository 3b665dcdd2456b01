import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

/** Unit and integration tests. End-to-end tests run in Chromium with Playwright (playwright.config.ts). */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/shared/**/*.test.ts', 'tests/unit/main/**/*.test.ts', 'tests/unit/sandbox/**/*.test.ts', 'tests/unit/tools/**/*.test.ts'],
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['tests/unit/renderer/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Real files, real servers and real tokens: keep runs from fighting over the two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
