import type { MenuItemConstructorOptions } from 'electron';

/** What the app's own menu items do; the main process wires them to shell, dialogs and the backend. */
export interface MenuActions {
  openLogsFolder(): void;
  exportDiagnostics(): void;
  showAbout(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Reload and developer tools only in development: a packaged app has no use for them. */
  isPackaged: boolean;
  actions: MenuActions;
}

/**
 * The application menu, following each platform's conventions: on macOS the app menu (About, Services,
 * Hide, Quit) and a Window menu with "Bring All to Front"; on Windows and Linux File > Exit and
 * Help > About. Edit uses Electron's roles, which act on whatever has focus in the renderer (the
 * native inputs' own undo stack, cut, copy, paste), so no renderer code is involved.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { platform, appName, isPackaged, actions } = options;
  const isMac = platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { label: `About ${appName}`, click: () => actions.showAbout() },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: isMac
      ? [{ role: 'close' }]
      : [{ role: 'quit', label: platform === 'win32' ? 'E&xit' : '&Quit' }],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(isPackaged
        ? []
        : [
            { role: 'reload' } as const,
            { role: 'forceReload' } as const,
            { role: 'toggleDevTools' } as const,
            separator,
          ]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const windowMenu: MenuItemConstructorOptions = {
    label: '&Window',
    role: 'windowMenu',
    submenu: isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };
  const helpMenu: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      { label: 'Open Logs Folder', click: () => actions.openLogsFolder() },
      { label: 'Export Diagnostics…', click: () => actions.exportDiagnostics() },
      ...(isMac ? [] : [separator, { label: `&About ${appName}`, click: () => actions.showAbout() }]),
    ],
  };
  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
