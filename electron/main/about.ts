import type { AboutPanelOptionsOptions } from 'electron';

export interface AboutInfo {
  appName: string;
  appVersion: string;
  /** process.versions: electron, chrome, node, v8. */
  versions: Partial<Record<'electron' | 'chrome' | 'node' | 'v8', string>>;
  iconPath?: string;
}

/**
 * The About panel's options. Each platform shows different fields (macOS: version and credits; Windows:
 * credits and icon; Linux: copyright, website, icon), so the runtime versions go into every field that
 * platform shows: a technician reading it to support gets the same facts everywhere.
 */
export function aboutPanelOptions(info: AboutInfo, platform: NodeJS.Platform): AboutPanelOptionsOptions {
  const runtime = [
    `Electron ${info.versions.electron ?? '?'}`,
    `Chromium ${info.versions.chrome ?? '?'}`,
    `Node.js ${info.versions.node ?? '?'}`,
    `V8 ${info.versions.v8 ?? '?'}`,
  ].join('\n');
  const copyright = 'Copyright © Halo Setup contributors';
  return {
    applicationName: info.appName,
    applicationVersion: info.appVersion,
    ...(platform === 'darwin' ? { version: `Electron ${info.versions.electron ?? '?'}` } : {}),
    credits: runtime,
    copyright: platform === 'linux' ? `${copyright}\n${runtime}` : copyright,
    ...(info.iconPath && platform !== 'darwin' ? { iconPath: info.iconPath } : {}),
  };
}
