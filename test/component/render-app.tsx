import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Backend, BackendOptions } from '../../electron/backend';
import { App } from '../../renderer/src/App';
import { apiForBackend } from '../support/api-bridge';
import { makeTempDir } from '../support/temp-dir';
import { testBackend } from '../support/test-backend';

/**
 * The whole renderer in jsdom over a REAL backend: a SQLite file in a temporary folder, the in-memory
 * secret store, the real handlers and contract; only Electron's IPC hop is replaced by a direct call.
 */
export interface AppHarness {
  backend: Backend;
  dataDir: string;
  user: ReturnType<typeof userEvent.setup>;
  view: ReturnType<typeof render>;
  dispose(): void;
}

export function startBackend(options: Partial<Omit<BackendOptions, 'dataDir'>> = {}) {
  const temp = makeTempDir('halo-setup-component-');
  const backend = testBackend(temp.dir, options);
  return {
    backend,
    dataDir: temp.dir,
    dispose() {
      backend.close();
      temp.cleanup();
    },
  };
}

export function renderApp(started: ReturnType<typeof startBackend> = startBackend()): AppHarness {
  window.api = apiForBackend(started.backend);
  const user = userEvent.setup();
  const view = render(<App />);
  return { ...started, user, view };
}
