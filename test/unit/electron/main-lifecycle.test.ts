import { EventEmitter } from 'node:events';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../../shared/channel-names';
import { makeTempDir } from '../../support/temp-dir';

// Only `electron` is mocked; the main process's own code (and the real backend behind it) runs.
const temp = makeTempDir();
const state = vi.hoisted(() => ({
  gotLock: true,
  windows: [] as Array<{
    options: Record<string, unknown>;
    webContents: { id: number; send: unknown };
    focus: unknown;
  }>,
  handlers: new Map<string, (event: unknown, request: unknown) => Promise<unknown>>(),
  appEvents: null as null | import('node:events').EventEmitter,
  quit: 0,
  permissionHandlerSet: false,
  userData: '',
  errorBoxes: [] as string[],
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const appEvents = new Emitter();
  state.appEvents = appEvents;
  class BrowserWindow extends Emitter {
    static getAllWindows = () => state.windows;
    webContents: { id: number; send: ReturnType<typeof vi.fn> };
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = () => false;
    show = vi.fn();
    loadFile = vi.fn(async () => {});
    loadURL = vi.fn(async () => {});
    constructor(readonly options: Record<string, unknown>) {
      super();
      this.webContents = { id: 100 + state.windows.length, send: vi.fn() };
      state.windows.push(this as never);
    }
  }
  return {
    app: {
      requestSingleInstanceLock: () => state.gotLock,
      on: (name: string, listener: (...args: unknown[]) => void) => appEvents.on(name, listener),
      whenReady: () => Promise.resolve(),
      getPath: () => state.userData,
      getVersion: () => '9.9.9',
      quit: () => {
        state.quit++;
      },
    },
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, request: unknown) => Promise<unknown>) =>
        state.handlers.set(channel, handler),
      removeHandler: (channel: string) => state.handlers.delete(channel),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => {
          state.permissionHandlerSet = true;
        },
        setPermissionCheckHandler: () => {},
      },
    },
    shell: { openExternal: vi.fn(async () => {}) },
    dialog: {
      showErrorBox: (title: string, message: string) => state.errorBoxes.push(`${title}: ${message}`),
    },
  };
});

beforeAll(async () => {
  state.userData = temp.dir;
  await import('../../../electron/main/index');
  await new Promise((resolve) => setTimeout(resolve, 10));
});
afterAll(() => {
  state.appEvents?.emit('will-quit');
  temp.cleanup();
});

const mainDir = path.resolve('electron/main');
const appPageUrl = pathToFileURL(path.join(mainDir, '../renderer/index.html')).href;

describe('Electron main process', () => {
  it('opens one window with the secure webPreferences and a sandboxed CommonJS preload', () => {
    expect(state.windows).toHaveLength(1);
    const preferences = state.windows[0]?.options.webPreferences as Record<string, unknown>;
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(String(preferences.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(state.permissionHandlerSet).toBe(true);
  });

  it('registers a handler for every channel', () => {
    expect([...state.handlers.keys()].sort()).toEqual([...channelNames].sort());
  });

  it('serves the app window through the real backend (SQLite in userData)', async () => {
    const window = state.windows[0];
    const event = { sender: { id: window?.webContents.id }, senderFrame: { url: appPageUrl } };
    const created = (await state.handlers.get('instances:create')?.(event, { name: 'Production' })) as {
      ok: boolean;
    };
    expect(created.ok).toBe(true);
    const listed = (await state.handlers.get('instances:list')?.(event, {})) as {
      ok: true;
      value: { instances: { name: string }[] };
    };
    expect(listed.value.instances.map((i) => i.name)).toEqual(['Production']);
    const info = (await state.handlers.get('app:info')?.(event, {})) as {
      value: { version: string; databasePath: string };
    };
    expect(info.value.version).toBe('9.9.9');
    expect(info.value.databasePath).toBe(path.join(temp.dir, 'halo-setup.db'));
  });

  it('refuses messages from other webContents or from a page the window was navigated to', async () => {
    const window = state.windows[0];
    const stranger = { sender: { id: 999 }, senderFrame: { url: appPageUrl } };
    const navigated = {
      sender: { id: window?.webContents.id },
      senderFrame: { url: 'https://evil.example.com/' },
    };
    for (const event of [stranger, navigated]) {
      const result = (await state.handlers.get('instances:create')?.(event, { name: 'Evil' })) as {
        ok: boolean;
        error: { code: string };
      };
      expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    }
  });

  it('focuses the existing window on a second launch', () => {
    state.appEvents?.emit('second-instance');
    expect(state.windows[0]?.focus).toHaveBeenCalled();
  });
});

describe('start-up failure', () => {
  it('shows why it cannot start (a database from a newer version) and quits, instead of a blank window', async () => {
    const Database = (await import('better-sqlite3')).default;
    const newer = makeTempDir();
    const db = new Database(path.join(newer.dir, 'halo-setup.db'));
    db.pragma('user_version = 999');
    db.close();
    vi.resetModules();
    state.userData = newer.dir;
    const windowsBefore = state.windows.length;
    const quitsBefore = state.quit;
    await import('../../../electron/main/index');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(state.errorBoxes.at(-1)).toMatch(/could not start: .*newer version of Halo Setup/);
    expect(state.quit).toBe(quitsBefore + 1);
    expect(state.windows.length).toBe(windowsBefore);
    state.userData = temp.dir;
    newer.cleanup();
  });
});

describe('single-instance lock', () => {
  it('quits at once when another instance holds the lock', async () => {
    vi.resetModules();
    state.gotLock = false;
    const windowsBefore = state.windows.length;
    const quitsBefore = state.quit;
    await import('../../../electron/main/index');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(state.quit).toBe(quitsBefore + 1);
    expect(state.windows.length).toBe(windowsBefore);
  });
});

void EventEmitter;
