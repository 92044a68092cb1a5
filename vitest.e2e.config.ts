import { defineConfig } from 'vitest/config';

// End-to-end tests: the built app (dist/) served by `vite preview` on a free local port,
// driven by playwright-core in Debian's Chromium. One file at a time: the machine has 2 cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
