import { EventEmitter } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { DiagnosticsSnapshot } from '../../../electron/backend';
import { aboutPanelOptions } from '../../../electron/main/about';
import { buildDiagnosticsExport, diagnosticsFileName } from '../../../electron/main/diagnostics-export';
import { rotateLogFiles } from '../../../electron/main/logging';
import { buildMenuTemplate } from '../../../electron/main/menu';
import { loadWindowState, saveWindowState, trackWindowState } from '../../../electron/main/window-state';
import { makeTempDir } from '../../support/temp-dir';

type Item = { label?: string; role?: string; type?: string; submenu?: Item[]; click?: () => void };
const actions = () => ({ openLogsFolder: vi.fn(), exportDiagnostics: vi.fn(), showAbout: vi.fn() });
const roles = (item: Item | undefined) =>
  (item?.submenu ?? []).map((entry) => entry.role ?? entry.label ?? entry.type);

describe('application menu', () => {
  it('on macOS: the app menu first (About, Services, Hide, Quit), Window with Bring All to Front', () => {
    const menu = buildMenuTemplate({
      platform: 'darwin',
      appName: 'Halo Setup',
      isPackaged: true,
      actions: actions(),
    }) as Item[];
    expect(menu.map((item) => item.label)).toEqual([
      'Halo Setup',
      '&File',
      '&Edit',
      '&View',
      '&Window',
      '&Help',
    ]);
    expect(roles(menu[0])).toEqual([
      'About Halo Setup',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
    expect(roles(menu[1])).toEqual(['close']);
    expect(roles(menu[2])).toContain('pasteAndMatchStyle');
    expect(roles(menu[4])).toContain('front');
    expect(roles(menu[5])).toEqual(['Open Logs Folder', 'Export Diagnostics…']);
  });

  it('on Windows and Linux: File > Exit/Quit, Help > About; no developer tools when packaged', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const menu = buildMenuTemplate({
        platform,
        appName: 'Halo Setup',
        isPackaged: true,
        actions: actions(),
      }) as Item[];
      expect(menu.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
      expect(menu[0]?.submenu?.[0]).toMatchObject({
        role: 'quit',
        label: platform === 'win32' ? 'E&xit' : '&Quit',
      });
      expect(roles(menu[1])).toEqual([
        'undo',
        'redo',
        'separator',
        'cut',
        'copy',
        'paste',
        'delete',
        'separator',
        'selectAll',
      ]);
      expect(roles(menu[2])).not.toContain('toggleDevTools');
      expect(roles(menu[4])).toEqual([
        'Open Logs Folder',
        'Export Diagnostics…',
        'separator',
        '&About Halo Setup',
      ]);
    }
    const dev = buildMenuTemplate({
      platform: 'linux',
      appName: 'Halo Setup',
      isPackaged: false,
      actions: actions(),
    }) as Item[];
    expect(roles(dev[2])).toContain('toggleDevTools');
  });

  it('wires the Help items to their actions', () => {
    const wired = actions();
    const menu = buildMenuTemplate({
      platform: 'win32',
      appName: 'Halo Setup',
      isPackaged: true,
      actions: wired,
    }) as Item[];
    for (const item of menu[4]?.submenu ?? []) item.click?.();
    expect(wired.openLogsFolder).toHaveBeenCalledTimes(1);
    expect(wired.exportDiagnostics).toHaveBeenCalledTimes(1);
    expect(wired.showAbout).toHaveBeenCalledTimes(1);
  });
});

describe('About panel', () => {
  const versions = { electron: '45.5.0', chrome: '142.0.1', node: '24.1.0', v8: '14.2' };
  it('shows the runtime versions on every platform', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const options = aboutPanelOptions(
        { appName: 'Halo Setup', appVersion: '1.2.3', versions, iconPath: '/i.png' },
        platform,
      );
      expect(options).toMatchObject({ applicationName: 'Halo Setup', applicationVersion: '1.2.3' });
      const shown = platform === 'linux' ? options.copyright : options.credits;
      expect(shown).toContain('Electron 45.5.0');
      expect(shown).toContain('Chromium 142.0.1');
      expect(options.iconPath).toBe(platform === 'darwin' ? undefined : '/i.png');
    }
  });
});

describe('window state', () => {
  const defaults = { width: 1200, height: 800, minWidth: 860, minHeight: 560 };
  const display = { x: 0, y: 0, width: 1920, height: 1080 };

  it('opens at the defaults with no file, or a broken one', () => {
    const temp = makeTempDir();
    const file = path.join(temp.dir, 'window-state.json');
    expect(loadWindowState(file, [display], defaults)).toEqual({
      width: 1200,
      height: 800,
      maximized: false,
    });
    writeFileSync(file, '{"width": "wide"');
    expect(loadWindowState(file, [display], defaults)).toEqual({
      width: 1200,
      height: 800,
      maximized: false,
    });
    temp.cleanup();
  });

  it('restores size and position while they fit the displays there are now', () => {
    const temp = makeTempDir();
    const file = path.join(temp.dir, 'window-state.json');
    saveWindowState(file, { x: 2000, y: 100, width: 1000, height: 700, maximized: true });
    const second = { x: 1920, y: 0, width: 2560, height: 1440 };
    expect(loadWindowState(file, [display, second], defaults)).toEqual({
      x: 2000,
      y: 100,
      width: 1000,
      height: 700,
      maximized: true,
    });
    // The second display is gone: same size, no position (the window opens centred on the one left).
    expect(loadWindowState(file, [display], defaults)).toEqual({ width: 1000, height: 700, maximized: true });
    // Too big for any display now, or smaller than the minimum: clamped.
    saveWindowState(file, { x: 0, y: 0, width: 5000, height: 200, maximized: false });
    expect(loadWindowState(file, [display], defaults)).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 560,
      maximized: false,
    });
    temp.cleanup();
  });

  it('saves the normal bounds when the window closes, and after moves settle', async () => {
    const temp = makeTempDir();
    const file = path.join(temp.dir, 'window-state.json');
    const window = Object.assign(new EventEmitter(), {
      bounds: { x: 10, y: 20, width: 900, height: 600 },
      getNormalBounds() {
        return this.bounds;
      },
      isMaximized: () => false,
      isFullScreen: () => false,
    });
    trackWindowState(window, file, 5);
    window.emit('move');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ x: 10, y: 20, width: 900 });
    window.bounds = { x: 50, y: 60, width: 1000, height: 700 };
    window.emit('close');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      x: 50,
      y: 60,
      width: 1000,
      height: 700,
      maximized: false,
    });
    temp.cleanup();
  });
});

describe('log rotation', () => {
  it('shifts main.log to main.1.log ... and drops the oldest beyond the count kept', () => {
    const temp = makeTempDir();
    const file = path.join(temp.dir, 'main.log');
    for (let round = 1; round <= 4; round++) {
      writeFileSync(file, `round ${round}\n`);
      rotateLogFiles(file, 2);
    }
    expect(readFileSync(path.join(temp.dir, 'main.1.log'), 'utf8')).toBe('round 4\n');
    expect(readFileSync(path.join(temp.dir, 'main.2.log'), 'utf8')).toBe('round 3\n');
    expect(() => readFileSync(path.join(temp.dir, 'main.3.log'))).toThrow();
    temp.cleanup();
  });
});

describe('Export Diagnostics', () => {
  const snapshot: DiagnosticsSnapshot = {
    app: { name: 'Halo Setup', version: '1.2.3', platform: 'win32', secretStore: 'OS keychain (keytar)' },
    instances: [
      {
        name: 'Production',
        configuration: {
          instanceId: '6f1e8f7a-3b7c-4c1e-9d55-0a4c2b9e1f00',
          resourceServer: 'acme.halopsa.com',
          clientId: '3f6c2a1e-8b4d-4e7a-9c15-2d7f0b9e6a48',
          tenant: '',
          authServer: '',
          isOnPremise: false,
          caCertificatePem: '',
          hasClientSecret: true,
          updatedAt: '2026-11-30T10:00:00.000Z',
        },
        lastValidation: null,
      },
      { name: 'Sandbox', configuration: null, lastValidation: null },
    ],
  };

  it('has versions, every instance without secrets, and the recent log lines, redacted', () => {
    const text = buildDiagnosticsExport({
      generatedAt: '2026-11-30T12:00:00.000Z',
      snapshot,
      versions: { electron: '45.5.0', os: 'win32 x64 10.0.26100' },
      logLines: [
        '[info] ipc config:get ok',
        '[warn] retry with Authorization: Bearer abc.def.ghi-secret-token',
      ],
    });
    expect(text).toContain('app: Halo Setup 1.2.3 (win32)');
    expect(text).toContain('electron: 45.5.0');
    expect(text).toContain('=== instance: Production');
    expect(text).toContain('client secret: stored in keychain (not shown)');
    expect(text).toContain('=== instance: Sandbox');
    expect(text).toContain('configuration: not saved yet');
    expect(text).toContain('[info] ipc config:get ok');
    expect(text).toContain('Bearer [redacted]');
    expect(text).not.toContain('secret-token');
  });

  it('names the file after the moment', () => {
    expect(diagnosticsFileName(new Date(2026, 10, 30, 9, 5))).toBe(
      'halo-setup-diagnostics-2026-11-30-0905.txt',
    );
  });
});
