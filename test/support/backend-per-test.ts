import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import type { Backend, BackendOptions } from '../../electron/backend';
import type { FakeHalo } from '../fake-halo';
import { makeTempDir } from './temp-dir';
import { LOCAL_FAKE_HALO, testBackend } from './test-backend';

/**
 * A new backend (own data folder, in-memory secrets, no pacing to speak of) and a new fake Halo per test,
 * both closed after each test: for tests that hold work in flight and must not leak it into the next.
 * Call at the top level of a test file; `open` takes the options a test needs beyond the defaults.
 */
export function backendPerTest() {
  const temp = makeTempDir();
  let backend: Backend | null = null;
  let fake: FakeHalo | null = null;
  let run = 0;
  afterEach(async () => {
    backend?.close();
    backend = null;
    await fake?.stop();
    fake = null;
  });
  afterAll(() => temp.cleanup());
  return {
    open(overrides: Partial<BackendOptions> = {}): Backend {
      run += 1;
      backend = testBackend(path.join(temp.dir, `data-${run}`), {
        haloClientOptions: LOCAL_FAKE_HALO,
        ...overrides,
      });
      return backend;
    },
    /** Registers a started fake Halo so it stops after the test. */
    track(started: FakeHalo): FakeHalo {
      fake = started;
      return started;
    },
  };
}
