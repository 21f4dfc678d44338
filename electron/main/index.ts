import path from 'node:path';
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { type Backend, createBackend, createKeytarSecretStore } from '../backend';
import { createExternalLinkGate } from './external-links';
import { hardenSession, hardenWebContents } from './harden';
import { forwardBackendEvents, registerIpcHandlers } from './ipc-adapter';
import { appUrlMatcher, createTrustedSenders } from './trusted-senders';
import { secureWebPreferences } from './web-preferences';

// The Electron layer only: lifecycle, the window, and the adapter between ipcMain and the backend.
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = path.join(import.meta.dirname, '../renderer/index.html');
const isAppUrl = appUrlMatcher(devServerUrl ? { devServerUrl } : { rendererFile });
const senders = createTrustedSenders(isAppUrl);
const links = createExternalLinkGate((url) => shell.openExternal(url));
let backend: Backend | null = null;
let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { isAppUrl, openExternal: (url) => void links.open(url) });
  });
  app.whenReady().then(start);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && backend) createWindow();
  });
  app.on('will-quit', () => backend?.close());
}

function start(): void {
  hardenSession(session.defaultSession);
  backend = createBackend({
    dataDir: app.getPath('userData'),
    secrets: createKeytarSecretStore(),
    appVersion: app.getVersion(),
  });
  registerIpcHandlers(ipcMain, backend, senders);
  createWindow();
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 860,
    minHeight: 560,
    show: false,
    title: 'Halo Setup',
    webPreferences: secureWebPreferences(path.join(import.meta.dirname, '../preload/index.cjs')),
  });
  mainWindow = window;
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
