import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
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
  menu: null as unknown,
  aboutOptions: null as unknown,
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
    maximize = vi.fn();
    isMaximized = () => false;
    isFullScreen = () => false;
    getNormalBounds = () => ({ x: 40, y: 30, width: 1111, height: 777 });
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
      isPackaged: false,
      setAboutPanelOptions: (options: unknown) => {
        state.aboutOptions = options;
      },
      showAboutPanel: vi.fn(),
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
    shell: { openExternal: vi.fn(async () => {}), openPath: vi.fn(async () => '') },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => {
        state.menu = menu;
      },
    },
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

  it('installs the application menu with Help > Open Logs Folder and Export Diagnostics, and the About panel', () => {
    const menu = state.menu as Array<{ label?: string; submenu?: Array<{ label?: string; role?: string }> }>;
    const help = menu.find((item) => item.label === '&Help');
    expect(help?.submenu?.map((item) => item.label)).toEqual(
      expect.arrayContaining(['Open Logs Folder', 'Export Diagnostics…']),
    );
    const edit = menu.find((item) => item.label === '&Edit');
    expect(edit?.submenu?.map((item) => item.role)).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
    expect(state.aboutOptions).toMatchObject({ applicationName: 'Halo Setup', applicationVersion: '9.9.9' });
  });

  it('logs to userData/logs, and remembers the window size and position when it closes', () => {
    const log = readFileSync(path.join(temp.dir, 'logs', 'main.log'), 'utf8');
    expect(log).toContain('Halo Setup 9.9.9 started');
    expect(log).toMatch(/ipc instances:create ok/);
    (state.windows[0] as unknown as import('node:events').EventEmitter).emit('close');
    const saved = JSON.parse(readFileSync(path.join(temp.dir, 'window-state.json'), 'utf8'));
    expect(saved).toEqual({ x: 40, y: 30, width: 1111, height: 777, maximized: false });
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
