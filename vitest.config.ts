import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Three projects, so each kind of test gets the environment it needs:
 * - unit: plain Node (store, backend, Halo client against the fake Halo, mapping, electron layer with
 *   `electron` mocked) plus React components in jsdom (files under test/component);
 * - keychain: the keytar SecretStore against the real OS keychain;
 * - e2e: the built renderer in real Chromium through playwright-core.
 */
export default defineConfig({
  plugins: [react()],
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          // beforeAll hooks start fake Halos, backends and child bundles: as slow as a test on a busy machine
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['test/component/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['test/component/setup.ts'],
          // The whole app over a real backend: a test waits on SQLite and the fake Halo over loopback, and
          // afterEach stops fakes; vitest's 5 s/10 s defaults are too tight for that on a loaded machine.
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'keychain',
          include: ['test/keychain/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
