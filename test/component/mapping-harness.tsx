import { screen } from '@testing-library/react';
import { createInProcessSuggestRunner } from '../../electron/backend/suggest-runner';
import { type FakeHalo, type FakeHaloOptions, fakeClientRow, startFakeHalo } from '../fake-halo';
import { configuredInstance, invoke } from '../support/mapping-fixtures';
import { type AppHarness, renderApp, startBackend } from './render-app';

/**
 * A mapping screen for the technician's-day tests: a real backend with one configured instance
 * ("Production") against the fake Halo, our organizations, and the app rendered on that instance.
 * Everything it starts is stopped by `stopMappingHarness`.
 */
export const DAY_CLIENTS = [
  fakeClientRow(31, 'Acme Ltd'),
  fakeClientRow(32, 'Globex Corporation'),
  fakeClientRow(33, 'Initech'),
  fakeClientRow(36, 'Wayne Enterprises', { inactive: true }),
  fakeClientRow(38, 'Baker &amp; Sons'),
];

export const DAY_ORGANIZATIONS = [{ name: 'Acme' }, { name: 'Globex Corp' }, { name: 'Wayne Enterprises' }];

export interface MappingHarness extends AppHarness {
  instanceId: string;
  ids: Record<string, string>;
  halo: FakeHalo;
}

const started: { app?: AppHarness; halo?: FakeHalo } = {};

export async function startMappingHarness(
  options: {
    refresh?: boolean;
    clientSecret?: string;
    fake?: FakeHaloOptions;
    /** Stay on the instance's first screen instead of opening Organization mapping. */
    stayOnFirstScreen?: boolean;
    /** More (unconfigured) instances beside Production. */
    extraInstances?: string[];
  } = {},
): Promise<MappingHarness> {
  const halo = await startFakeHalo({ clients: DAY_CLIENTS, ...options.fake });
  started.halo = halo;
  const backendStarted = startBackend({
    haloClientOptions: { protocol: 'http', proxy: {} },
    suggestRunner: createInProcessSuggestRunner(),
  });
  const instanceId = await configuredInstance(
    backendStarted.backend,
    halo,
    'Production',
    options.clientSecret,
  );
  const ids: Record<string, string> = {};
  for (const organization of DAY_ORGANIZATIONS) {
    ids[organization.name] = (await invoke(backendStarted.backend, 'organizations:upsert', organization)).id;
  }
  if (options.refresh) await invoke(backendStarted.backend, 'options:refresh', { instanceId });
  for (const name of options.extraInstances ?? [])
    await invoke(backendStarted.backend, 'instances:create', { name });
  const app = renderApp(backendStarted);
  started.app = app;
  if (!options.stayOnFirstScreen) await openMapping(app);
  return { ...app, instanceId, ids, halo };
}

export async function openMapping(app: AppHarness): Promise<void> {
  await app.user.click(await screen.findByRole('tab', { name: 'Organization mapping' }));
  await screen.findByRole('table', { name: 'Organizations of Production' });
}

export async function stopMappingHarness(): Promise<void> {
  started.app?.dispose();
  started.app = undefined;
  await started.halo?.stop();
  started.halo = undefined;
}
