import {
  type Backend,
  createBackend,
  createMemorySecretStore,
  type SecretStore,
} from '../../../electron/backend';
import type { SuggestRunner } from '../../../electron/backend/suggest-runner';

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
  return createBackend({
    dataDir: options.dataDir,
    secrets: options.secrets ?? createMemorySecretStore(),
    validateResponses: true,
    // Tests run against the fake on 127.0.0.1; a generous pacer so nothing waits unless a test asks.
    haloClientOptions: { protocol: 'http', proxy: {}, pacer: { limit: 100_000, windowMs: 1000 } },
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
