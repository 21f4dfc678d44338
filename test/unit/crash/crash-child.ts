/**
 * Child process for the crash test: opens the real store in `dataDir` and writes in a loop until it is
 * killed. Run as `node --import tsx crash-child.ts <dataDir> <save|refresh> <instanceId>` (the test runs an esbuild bundle of it).
 *
 * - save: through the backend, edits every organization's draft (one undo step) then Save Mappings.
 *   Generation g maps organization i to client `crashClientId(g, i)`, so every save changes every row
 *   and a half-applied save would show.
 * - refresh: replaces the Halo options cache in one transaction, as Refresh Options does, with a
 *   client count and names that depend on the generation.
 *
 * It prints `ready` once the store is open, then `saved <generation>` after each committed write, so the
 * test kills it only once it has really made progress (and can check that nothing reported committed
 * was lost). It exits as soon as its standard input ends: a test runner that dies without killing it
 * must not leave it writing forever.
 */
import { createBackend, createMemorySecretStore } from '../../../electron/backend';
import { openStore } from '../../../electron/store';
import { crashCacheClients, crashClientId } from './crash-rules';

const [dataDir, mode, instanceId] = process.argv.slice(2);
if (!dataDir || !instanceId || (mode !== 'save' && mode !== 'refresh')) {
  console.error('usage: crash-child.ts <dataDir> <save|refresh> <instanceId>');
  process.exit(2);
}

process.stdin.on('end', () => process.exit(0));
process.stdin.resume();

/**
 * One macrotask between writes: the loops would otherwise never return to the event loop, and the
 * `end` of standard input (the parent gone) would never be noticed.
 */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function saveLoop(dir: string, instance: string): Promise<never> {
  const backend = createBackend({ dataDir: dir, secrets: createMemorySecretStore() });
  const first = await backend.invoke('mappings:get', { instanceId: instance });
  if (!first.ok) throw new Error(first.error.message);
  const organizations = first.value.rows.map((row) => row.organization.id);
  process.stdout.write('ready\n');
  for (;;) {
    const view = await backend.invoke('mappings:get', { instanceId: instance });
    if (!view.ok) throw new Error(view.error.message);
    const generation = view.value.summary.saved.generation + 1;
    const edit = await backend.invoke('mappings:edit', {
      instanceId: instance,
      edits: organizations.map((organizationId, index) => ({
        organizationId,
        action: 'set' as const,
        clientId: crashClientId(generation, index),
      })),
    });
    if (!edit.ok) throw new Error(edit.error.message);
    const saved = await backend.invoke('mappings:save', { instanceId: instance });
    if (!saved.ok) throw new Error(saved.error.message);
    process.stdout.write(`saved ${saved.value.generation}\n`);
    await yieldToEvents();
  }
}

async function refreshLoop(dir: string, instance: string): Promise<never> {
  const store = openStore(dir);
  process.stdout.write('ready\n');
  for (;;) {
    const generation = (store.haloOptions.meta(instance)?.generation ?? 0) + 1;
    const clients = crashCacheClients(generation);
    store.transaction(() =>
      store.haloOptions.replace(instance, clients, [{ id: 1, name: 'Customers' }], new Date().toISOString()),
    );
    process.stdout.write(`saved ${store.haloOptions.meta(instance)?.generation ?? 0}\n`);
    await yieldToEvents();
  }
}

if (mode === 'save') await saveLoop(dataDir, instanceId);
else await refreshLoop(dataDir, instanceId);
