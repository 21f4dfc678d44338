import type { Backend, SecretStore } from '../../../electron/backend';
import type { SuggestRunner } from '../../../electron/backend/suggest-runner';
import { LOCAL_FAKE_HALO, testBackend } from '../../support/test-backend';

export interface TestBackendOptions {
  dataDir: string;
  secrets?: SecretStore;
  now?: () => Date;
  suggestRunner?: SuggestRunner;
  /** What the open-file dialog answers for organizations:linkSource (null: the user cancelled). */
  chooseOrganizationFile?: () => Promise<string | null>;
}

export {
  configuredInstance,
  detailsOf,
  invoke as call,
  invokeFails as callFails,
} from '../../support/backend-calls';

export function openBackend(options: TestBackendOptions): Backend {
  return testBackend(options.dataDir, {
    ...(options.secrets ? { secrets: options.secrets } : {}),
    // Tests run against the fake on 127.0.0.1; a generous pacer so nothing waits unless a test asks.
    haloClientOptions: LOCAL_FAKE_HALO,
    ...(options.now ? { now: options.now } : {}),
    ...(options.suggestRunner ? { suggestRunner: options.suggestRunner } : {}),
    ...(options.chooseOrganizationFile ? { chooseOrganizationFile: options.chooseOrganizationFile } : {}),
  });
}

/** A CSV of our organizations named exactly like the given Halo clients (plus extras with no counterpart). */
export function organizationsCsv(names: readonly string[]): string {
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  return ['name', ...names.map(quote)].join('\r\n');
}
