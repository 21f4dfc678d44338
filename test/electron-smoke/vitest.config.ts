import { defineConfig } from 'vitest/config';

/**
 * The real-Electron smoke test: its own config, so `vitest run` in npm test (which has no Electron binary
 * on machines like CI here) never picks it up. Run it with `npm run test:smoke`, which says plainly when
 * there is no binary to run it with.
 */
export default defineConfig({
  test: {
    include: ['test/electron-smoke/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
