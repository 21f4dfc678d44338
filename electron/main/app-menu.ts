import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { type App, type BrowserWindow, dialog, Menu, shell } from 'electron';
import type { Backend } from '../backend';
import { aboutPanelOptions } from './about';
import { buildDiagnosticsExport, diagnosticsFileName } from './diagnostics-export';
import { recentLogLines } from './logging';
import { buildMenuTemplate } from './menu';

export interface AppMenuDependencies {
  app: Pick<
    App,
    'name' | 'getVersion' | 'isPackaged' | 'getPath' | 'setAboutPanelOptions' | 'showAboutPanel'
  >;
  backend: Pick<Backend, 'diagnostics'>;
  logFile: string;
  iconPath?: string;
  getWindow(): BrowserWindow | null;
  log(message: string): void;
}

/** How many log lines an exported diagnostics file carries. */
const EXPORTED_LOG_LINES = 300;

/** Sets the About panel and the application menu, and wires Help > Open Logs Folder / Export Diagnostics. */
export function installApplicationMenu(deps: AppMenuDependencies): void {
  const { app } = deps;
  app.setAboutPanelOptions(
    aboutPanelOptions(
      {
        appName: 'Halo Setup',
        appVersion: app.getVersion(),
        versions: process.versions,
        ...(deps.iconPath ? { iconPath: deps.iconPath } : {}),
      },
      process.platform,
    ),
  );
  const template = buildMenuTemplate({
    platform: process.platform,
    appName: 'Halo Setup',
    isPackaged: app.isPackaged,
    actions: {
      showAbout: () => app.showAboutPanel(),
      openLogsFolder: () => {
        void shell.openPath(path.dirname(deps.logFile)).then((problem) => {
          if (problem) dialog.showErrorBox('Could not open the logs folder', problem);
        });
      },
      exportDiagnostics: () => {
        void exportDiagnostics(deps).catch((error: unknown) => {
          dialog.showErrorBox(
            'Could not export diagnostics',
            error instanceof Error ? error.message : String(error),
          );
        });
      },
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function exportDiagnostics(deps: AppMenuDependencies): Promise<void> {
  const now = new Date();
  const text = buildDiagnosticsExport({
    generatedAt: now.toISOString(),
    snapshot: deps.backend.diagnostics(),
    versions: {
      electron: process.versions.electron ?? '?',
      chromium: process.versions.chrome ?? '?',
      node: process.versions.node,
      os: `${process.platform} ${process.arch} ${process.getSystemVersion?.() ?? ''}`.trim(),
    },
    logLines: recentLogLines(deps.logFile, EXPORTED_LOG_LINES),
  });
  const options = {
    title: 'Export Diagnostics',
    defaultPath: path.join(deps.app.getPath('documents'), diagnosticsFileName(now)),
    filters: [{ name: 'Text', extensions: ['txt'] }],
  };
  const window = deps.getWindow();
  const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (chosen.canceled || !chosen.filePath) return;
  writeFileSync(chosen.filePath, text);
  deps.log(`diagnostics exported (${text.length} characters)`);
}
