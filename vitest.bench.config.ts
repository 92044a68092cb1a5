import { defineConfig } from 'vitest/config';

// `npm run bench` (not part of npm test): the built app and the reference pages of
// bench/bare served by `vite preview`, driven in Debian's Chromium. Long: a 3,000-patient
// import alone takes minutes.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['bench/**/*.benchmark.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 4 * 60 * 60_000,
    hookTimeout: 60_000,
  },
});
