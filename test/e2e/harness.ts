import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { Backend, BackendOptions } from '../../electron/backend';
import { channelNames } from '../../shared/channel-names';
import type { BackendEvent } from '../../shared/ipc';
import { makeTempDir } from '../support/temp-dir';
import { testBackend } from '../support/test-backend';
import { CSS_PROBE_ENABLED, saveCssProbe } from './css-probe';
import { STYLE_SNAPSHOTS_ENABLED, saveStyleSnapshot } from './style-snapshot';

/**
 * End-to-end harness: the built renderer (out/renderer) served over loopback, in real Chromium, with
 * `window.api` bridged to a real backend (real SQLite file in a temporary dataDir) in this test process.
 * Only Electron's IPC hop is replaced: the page calls the same named functions the preload exposes.
 */

const RENDERER_DIR = path.resolve('out/renderer');
export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

/**
 * For `expect.poll` over text on the page. The page answers asynchronously (IPC round trips, the list
 * refreshed after a change, progress loaded after the rows), so a text check polls until the page has
 * settled instead of reading once: a single read races with the render it checks.
 */
export const SETTLES = { timeout: 10_000 } as const;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Serves the built renderer read-only on 127.0.0.1. */
export async function serveRenderer(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer/index.html is missing: run `npm run build` first (npm test does).');
  }
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = path.join(RENDERER_DIR, pathname === '/' ? 'index.html' : pathname);
    if (!file.startsWith(RENDERER_DIR) || !existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface AppSession {
  page: Page;
  backend: Backend;
  dataDir: string;
  /** Console errors and CSP violations the page reported. */
  consoleErrors: string[];
  /** Saves a full-window screenshot as test-results/screenshots/<name>.png. */
  screenshot(name: string): Promise<string>;
  /** Closes the page and the backend (the dataDir stays until the harness is disposed). */
  close(): Promise<void>;
}

export interface Harness {
  /** Opens the app on a backend over `dataDir` (a new one if omitted). */
  open(options?: {
    dataDir?: string;
    backend?: Partial<Omit<BackendOptions, 'dataDir'>>;
    colorScheme?: 'light' | 'dark';
  }): Promise<AppSession>;
  dispose(): Promise<void>;
}

/** Starts Chromium and the static server once per test file. */
export async function startHarness(): Promise<Harness> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const server = await serveRenderer();
  const browser = await launchChromium();
  const temps: Array<() => void> = [];
  const sessions: AppSession[] = [];

  async function open(options: Parameters<Harness['open']>[0] = {}): Promise<AppSession> {
    let dataDir = options.dataDir;
    if (!dataDir) {
      const temp = makeTempDir('halo-setup-e2e-');
      temps.push(temp.cleanup);
      dataDir = temp.dir;
    }
    const backend = testBackend(dataDir, options.backend);
    const context = await browser.newContext({
      viewport: { width: 1280, height: 820 },
      colorScheme: options.colorScheme ?? 'light',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.exposeBinding('__haloInvoke', (_source, channel: string, request: unknown) =>
      backend.invoke(channel as never, request),
    );
    // The same shape the preload builds: one named function per channel, plus onEvent.
    await page.addInitScript((names: readonly string[]) => {
      type Listener = (event: unknown) => void;
      const listeners = new Set<Listener>();
      const invoke = (window as unknown as { __haloInvoke: (c: string, r: unknown) => Promise<unknown> })
        .__haloInvoke;
      const api: Record<string, unknown> = {};
      for (const name of names) {
        const [domain, verb] = name.split(':') as [string, string];
        api[domain] ??= {};
        const domainApi = api[domain] as Record<string, unknown>;
        domainApi[verb] = (request: unknown) => invoke(name, request ?? {});
      }
      api.onEvent = (listener: Listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      };
      (window as unknown as { api: unknown }).api = api;
      (window as unknown as { __haloEmit: (event: unknown) => void }).__haloEmit = (event) => {
        for (const listener of listeners) listener(event);
      };
    }, channelNames);
    const unsubscribe = backend.subscribe((event: BackendEvent) => {
      void page
        .evaluate((e) => (window as unknown as { __haloEmit: (event: unknown) => void }).__haloEmit(e), event)
        .catch(() => {});
    });
    await page.goto(server.url);
    const session: AppSession = {
      page,
      backend,
      dataDir,
      consoleErrors,
      async screenshot(name) {
        return saveScreenshot(page, name, { fullPage: true });
      },
      async close() {
        unsubscribe();
        await context.close();
        backend.close();
      },
    };
    sessions.push(session);
    return session;
  }

  return {
    open,
    async dispose() {
      for (const session of sessions) await session.close().catch(() => {});
      await browser.close();
      await server.close();
      for (const cleanup of temps) cleanup();
    },
  };
}

/**
 * Every screenshot of the suite is taken here: `test-results/screenshots/<name>.png`, and with
 * HALO_STYLE_SNAPSHOTS=1 its computed-style snapshot beside it (style-snapshot.ts).
 */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false, animations: 'disabled' });
  if (STYLE_SNAPSHOTS_ENABLED)
    await saveStyleSnapshot(page, path.join(SCREENSHOT_DIR, `${name}.styles.json`));
  if (CSS_PROBE_ENABLED) await saveCssProbe(page, path.join(SCREENSHOT_DIR, `${name}.probe.json`));
  return file;
}

/**
 * A screenshot of the whole page as a window tall enough to show it all: the viewport grows to the page's
 * height first, so sticky and 100vh elements sit where they would in such a window (a plain full-page
 * capture leaves them where the scrolled viewport had them). The viewport is restored afterwards.
 */
export async function screenshotWholePage(session: AppSession, name: string): Promise<string> {
  const { page } = session;
  const viewport = page.viewportSize() ?? { width: 1280, height: 820 };
  await page.evaluate(() => window.scrollTo(0, 0));
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (height > viewport.height) await page.setViewportSize({ width: viewport.width, height });
  try {
    return await saveScreenshot(page, name);
  } finally {
    if (height > viewport.height) await page.setViewportSize(viewport);
  }
}
