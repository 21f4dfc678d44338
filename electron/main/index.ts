import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, screen, session, shell } from 'electron';
import electronLog from 'electron-log/node';
import { type Backend, createBackend, createKeytarSecretStore } from '../backend';
import { installApplicationMenu } from './app-menu';
import { demoHaloFromEnvironment, seedDemoSandbox } from './demo-sandbox';
import { createExternalLinkGate } from './external-links';
import { hardenSession, hardenWebContents } from './harden';
import { forwardBackendEvents, registerIpcHandlers } from './ipc-adapter';
import { backendLogger, configureLogging } from './logging';
import { createOpenInHalo } from './open-in-halo';
import { type RecoveryDialogs, recoverFromStartupFailure } from './startup-recovery';
import { appUrlMatcher, createTrustedSenders } from './trusted-senders';
import { secureWebPreferences } from './web-preferences';
import { loadWindowState, trackWindowState, WINDOW_STATE_FILE } from './window-state';

// The Electron layer only: lifecycle, the window, and the adapter between ipcMain and the backend.
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = path.join(import.meta.dirname, '../renderer/index.html');
const isAppUrl = appUrlMatcher(devServerUrl ? { devServerUrl } : { rendererFile });
const senders = createTrustedSenders(isAppUrl);
const links = createExternalLinkGate((url) => shell.openExternal(url));
let backend: Backend | null = null;
let mainWindow: BrowserWindow | null = null;
// `npm run demo` passes a local fake Halo; the demo keeps its data apart from the technician's own.
const demoHalo = demoHaloFromEnvironment(process.env.HALO_SETUP_DEMO);
if (demoHalo) app.setPath('userData', path.join(app.getPath('temp'), 'halo-setup-demo'));
// The real-Electron smoke test (test/electron-smoke) runs the unpackaged app against a throwaway data
// folder; an installed app ignores the variable.
if (!app.isPackaged && process.env.HALO_SETUP_USER_DATA_DIR)
  app.setPath('userData', process.env.HALO_SETUP_USER_DATA_DIR);
// Logs in <userData>/logs, rotated, secrets redacted (electron/main/logging.ts).
const logFile = configureLogging(electronLog, {
  logsDir: path.join(app.getPath('userData'), 'logs'),
  console: !app.isPackaged,
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    // macOS keeps the app running with no window: a second launch then opens one.
    if (!mainWindow) {
      if (backend) createWindow();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { isAppUrl, openExternal: (url) => void links.open(url) });
  });
  app
    .whenReady()
    .then(startOrRecover)
    .catch((error: unknown) => {
      dialog.showErrorBox(
        'Halo Setup could not start',
        error instanceof Error ? error.message : String(error),
      );
      app.quit();
    });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && backend) createWindow();
  });
  app.on('will-quit', () => backend?.close());
}

/**
 * Starts the backend; when it cannot (a damaged database, a full or read-only disk, a newer schema), says
 * why. A damaged database can be replaced by its last good backup, after which start-up runs again.
 */
async function startOrRecover(): Promise<void> {
  for (;;) {
    try {
      await start();
      return;
    } catch (error) {
      const outcome = await recoverFromStartupFailure(error, app.getPath('userData'), startupDialogs);
      if (outcome === 'quit') {
        app.quit();
        return;
      }
      electronLog.info('Restored the database from its last good backup; starting again');
    }
  }
}

const startupDialogs: RecoveryDialogs = {
  showError: (title, message) => dialog.showErrorBox(title, message),
  async offerRestore(message) {
    const answer = await dialog.showMessageBox({
      type: 'error',
      title: 'Halo Setup could not start',
      message: 'The Halo Setup database is damaged',
      detail: message,
      buttons: ['Restore the backup', 'Quit'],
      defaultId: 0,
      cancelId: 1,
    });
    return answer.response === 0;
  },
};

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  backend = createBackend({
    dataDir: app.getPath('userData'),
    secrets: createKeytarSecretStore(),
    appVersion: app.getVersion(),
    logger: backendLogger(electronLog),
    // "Open in Halo": the backend builds the URL on the instance's host; the gate checks it again here.
    openExternal: createOpenInHalo(links, instanceHosts),
    // The organizations source file is chosen here, in the OS dialog, never named by the page.
    chooseOrganizationFile,
  });
  registerIpcHandlers(ipcMain, backend, senders);
  electronLog.info(
    `Halo Setup ${app.getVersion()} started (Electron ${process.versions.electron}, ${process.platform} ${process.arch})`,
  );
  installApplicationMenu({
    app,
    backend,
    logFile,
    getWindow: () => mainWindow,
    log: (message) => electronLog.info(message),
  });
  if (demoHalo) await seedDemoSandbox(backend, demoHalo);
  createWindow();
}

/** The Resource Server hosts of the saved instances: the only hosts "Open in Halo" may open. */
async function instanceHosts(): Promise<string[]> {
  const listed = await backend?.invoke('instances:list', {});
  if (!listed?.ok) return [];
  return listed.value.instances.flatMap((instance) =>
    instance.resourceServer ? [instance.resourceServer] : [],
  );
}

function createWindow(): void {
  // Size and position as the user left them, fitted to the displays there are now.
  const windowStateFile = path.join(app.getPath('userData'), WINDOW_STATE_FILE);
  const saved = loadWindowState(
    windowStateFile,
    screen.getAllDisplays().map((display) => display.workArea),
    { width: 1200, height: 800, minWidth: 860, minHeight: 560 },
  );
  const window = new BrowserWindow({
    ...(saved.x !== undefined && saved.y !== undefined ? { x: saved.x, y: saved.y } : {}),
    width: saved.width,
    height: saved.height,
    minWidth: 860,
    minHeight: 560,
    show: false,
    title: 'Halo Setup',
    webPreferences: secureWebPreferences(path.join(import.meta.dirname, '../preload/index.cjs')),
  });
  mainWindow = window;
  if (saved.maximized) window.maximize();
  trackWindowState(window, windowStateFile);
  const id = window.webContents.id;
  senders.trust(id);
  const stopForwarding = backend
    ? forwardBackendEvents(backend, (channel, event) => window.webContents.send(channel, event))
    : () => {};
  window.on('closed', () => {
    senders.forget(id);
    stopForwarding();
    mainWindow = null;
  });
  window.once('ready-to-show', () => window.show());
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(rendererFile);
}

async function chooseOrganizationFile(): Promise<string | null> {
  const options: Electron.OpenDialogOptions = {
    title: 'Link a file of your organizations',
    properties: ['openFile'],
    filters: [{ name: 'Organizations (CSV or JSON)', extensions: ['csv', 'json'] }],
  };
  const result = mainWindow
    ? await dialog.showOpenDialog(mainWindow, options)
    : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
