import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type ElectronApplication, _electron as electron, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../shared/channel-names';
import { makeTempDir } from '../support/temp-dir';

/**
 * The built app (out/) in a real Electron, driven by Playwright: the instance list, creating an instance,
 * opening the setup guide, closing; the window's webPreferences as Electron reports them; and what
 * window.api exposes. scripts/run-smoke.mjs finds the binary and passes it in HALO_SETUP_ELECTRON_BINARY.
 */

const binary = process.env.HALO_SETUP_ELECTRON_BINARY;
if (!binary) throw new Error('Run the smoke test with `npm run test:smoke`: it finds the Electron binary.');
const root = path.resolve(import.meta.dirname, '../..');
const userData = makeTempDir('halo-setup-smoke-');
let app: ElectronApplication;
let page: Page;

beforeAll(async () => {
  app = await electron.launch({
    executablePath: binary,
    args: [root],
    cwd: root,
    env: { ...process.env, HALO_SETUP_USER_DATA_DIR: userData.dir, ELECTRON_ENABLE_LOGGING: '1' },
    timeout: 90_000,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

afterAll(async () => {
  await app?.close().catch(() => {});
  userData.cleanup();
});

describe('Halo Setup in real Electron', () => {
  it('opens the window with the secure webPreferences', async () => {
    // getLastWebPreferences is Electron's native (undocumented) reader of the preferences the renderer
    // really got, after defaults: the truth, rather than what we asked for.
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      const window = BrowserWindow.getAllWindows()[0];
      if (!window) throw new Error('no window');
      const read: unknown = Reflect.get(window.webContents, 'getLastWebPreferences');
      if (typeof read !== 'function') throw new Error('webContents.getLastWebPreferences is missing');
      const last = Reflect.apply(read, window.webContents, []) as Record<string, unknown> | null;
      return last
        ? {
            contextIsolation: last.contextIsolation,
            sandbox: last.sandbox,
            nodeIntegration: last.nodeIntegration,
            nodeIntegrationInWorker: last.nodeIntegrationInWorker,
            webSecurity: last.webSecurity,
            allowRunningInsecureContent: last.allowRunningInsecureContent,
            webviewTag: last.webviewTag,
            preload: last.preload,
          }
        : null;
    });
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(preferences?.preload)).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('gives the page window.api with only the named functions, and no Node or ipcRenderer', async () => {
    const exposed = await page.evaluate(() => {
      const api = (window as unknown as { api: Record<string, unknown> }).api;
      const names: string[] = [];
      for (const [key, value] of Object.entries(api)) {
        if (typeof value === 'function') names.push(key);
        else
          for (const [verb, fn] of Object.entries(value as Record<string, unknown>))
            names.push(`${key}:${verb}:${typeof fn}`);
      }
      const globals = window as unknown as Record<string, unknown>;
      return {
        names,
        require: typeof globals.require,
        process: typeof globals.process,
        ipc: 'ipcRenderer' in globals,
      };
    });
    const expected = [...channelNames.map((channel) => `${channel}:function`), 'onEvent'];
    expect(exposed.names.sort()).toEqual(expected.sort());
    expect(exposed).toMatchObject({ require: 'undefined', process: 'undefined', ipc: false });
  });

  it('shows the instance list, creates an instance and opens its setup guide', async () => {
    await page.getByRole('heading', { name: 'Connect your Halo PSA' }).waitFor();
    await page.getByRole('button', { name: /Add your first Halo instance|New instance/ }).click();
    const dialog = page.getByRole('dialog', { name: 'New Halo instance' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Smoke test');
    await dialog.getByRole('button', { name: 'Create instance' }).click();
    await page.getByRole('heading', { level: 1, name: 'Smoke test' }).waitFor();
    const list = page.getByRole('listbox', { name: 'Halo instances' });
    expect(await list.getByRole('option', { name: /Smoke test/ }).count()).toBe(1);
    await page.getByRole('tab', { name: 'Setup guide' }).click();
    await page.getByRole('tablist', { name: 'Setup stages' }).waitFor();
  });

  it('kept the data in the temporary user-data folder and wrote its log there', async () => {
    const logged = readFileSync(path.join(userData.dir, 'logs', 'main.log'), 'utf8');
    expect(logged).toMatch(/ipc instances:create ok/);
    expect(logged).not.toMatch(/Smoke test/);
  });

  it('closes cleanly', async () => {
    const closed = new Promise<void>((resolve) => app.process().once('exit', () => resolve()));
    await app.evaluate(({ app: electronApp }) => electronApp.quit());
    await closed;
    expect(app.process().exitCode).toBe(0);
  });
});
