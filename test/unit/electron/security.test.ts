import { describe, expect, it, vi } from 'vitest';
import { createExternalLinkGate } from '../../../electron/main/external-links';
import { hardenSession, hardenWebContents } from '../../../electron/main/harden';
import { forwardBackendEvents, registerIpcHandlers } from '../../../electron/main/ipc-adapter';
import { appUrlMatcher, createTrustedSenders } from '../../../electron/main/trusted-senders';
import { secureWebPreferences } from '../../../electron/main/web-preferences';
import { BACKEND_EVENT_CHANNEL, channelNames } from '../../../shared/channel-names';
import { contentSecurityPolicy } from '../../../shared/content-security-policy';
import type { BackendEvent } from '../../../shared/ipc';

describe('secureWebPreferences', () => {
  it('turns on every item of the Electron security checklist', () => {
    const preferences = secureWebPreferences('/app/out/preload/index.cjs');
    expect(preferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('content security policy', () => {
  it('is strict in production: only the app itself, no inline scripts or styles, no plugins', () => {
    const policy = contentSecurityPolicy('production');
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/https?:/);
  });
});

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    let requestHandler: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    hardenSession({
      setPermissionRequestHandler: (handler) => {
        requestHandler = handler as never;
      },
      setPermissionCheckHandler: (handler) => {
        checkHandler = handler as never;
      },
    });
    const callback = vi.fn();
    requestHandler?.({}, 'media', callback);
    requestHandler?.({}, 'notifications', callback);
    expect(callback.mock.calls).toEqual([[false], [false]]);
    expect(checkHandler?.()).toBe(false);
  });
});

describe('hardenWebContents', () => {
  function harden() {
    const listeners = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const openExternal = vi.fn();
    hardenWebContents(
      {
        on: ((name: string, listener: never) => {
          listeners.set(name, listener);
        }) as never,
        setWindowOpenHandler: (handler) => {
          openHandler = handler as never;
        },
      },
      { isAppUrl: (url) => url.startsWith('file:///app/'), openExternal },
    );
    return { listeners, openHandler: () => openHandler, openExternal };
  }

  it('blocks navigation and redirects away from the app page, and allows the app page itself', () => {
    const { listeners } = harden();
    for (const name of ['will-navigate', 'will-redirect']) {
      const outside = { preventDefault: vi.fn() };
      listeners.get(name)?.(outside, 'https://evil.example.com/');
      expect(outside.preventDefault).toHaveBeenCalled();
      const inside = { preventDefault: vi.fn() };
      listeners.get(name)?.(inside, 'file:///app/index.html');
      expect(inside.preventDefault).not.toHaveBeenCalled();
    }
  });

  it('denies new windows, handing the URL to the external-link gate instead', () => {
    const { openHandler, openExternal } = harden();
    expect(openHandler()?.({ url: 'https://acme.halopsa.com/config' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://acme.halopsa.com/config');
  });

  it('refuses <webview>', () => {
    const { listeners } = harden();
    const event = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')?.(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('external link gate', () => {
  it('opens only https URLs on hosts it was built to open', async () => {
    const openExternal = vi.fn(async () => {});
    const gate = createExternalLinkGate(openExternal);
    gate.allowHost('acme.halopsa.com');
    expect(await gate.open('https://acme.halopsa.com/config/agents')).toBe(true);
    expect(await gate.open('http://acme.halopsa.com/')).toBe(false);
    expect(await gate.open('https://acme.halopsa.com.evil.example/')).toBe(false);
    expect(await gate.open('https://user:pw@acme.halopsa.com/')).toBe(false);
    expect(await gate.open('file:///etc/passwd')).toBe(false);
    expect(await gate.open('javascript:alert(1)')).toBe(false);
    expect(await gate.open('not a url')).toBe(false);
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('trusted senders', () => {
  const isAppUrl = appUrlMatcher({
    rendererFile: '/opt/Halo Setup/resources/app.asar/out/renderer/index.html',
  });

  it('recognises the built renderer page and nothing else', () => {
    expect(isAppUrl('file:///opt/Halo%20Setup/resources/app.asar/out/renderer/index.html')).toBe(true);
    expect(isAppUrl('file:///opt/Halo%20Setup/resources/app.asar/out/renderer/index.html#/x')).toBe(true);
    expect(isAppUrl('file:///tmp/evil.html')).toBe(false);
    expect(isAppUrl('https://evil.example.com/')).toBe(false);
  });

  it('recognises the dev server origin in development', () => {
    const dev = appUrlMatcher({ devServerUrl: 'http://localhost:5173/' });
    expect(dev('http://localhost:5173/index.html')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
  });

  it('trusts only our own webContents showing our own page', () => {
    const senders = createTrustedSenders(isAppUrl);
    const appUrl = 'file:///opt/Halo%20Setup/resources/app.asar/out/renderer/index.html';
    senders.trust(3);
    expect(senders.isTrusted({ sender: { id: 3 }, senderFrame: { url: appUrl } })).toBe(true);
    expect(senders.isTrusted({ sender: { id: 4 }, senderFrame: { url: appUrl } })).toBe(false);
    expect(senders.isTrusted({ sender: { id: 3 }, senderFrame: { url: 'https://evil.example.com/' } })).toBe(
      false,
    );
    expect(senders.isTrusted({ sender: { id: 3 }, senderFrame: null })).toBe(false);
    senders.forget(3);
    expect(senders.isTrusted({ sender: { id: 3 }, senderFrame: { url: appUrl } })).toBe(false);
  });
});

describe('registerIpcHandlers', () => {
  function register(trusted: boolean) {
    const handlers = new Map<string, (event: unknown, request: unknown) => Promise<unknown>>();
    const invoke = vi.fn(async () => ({ ok: true as const, value: { instances: [] } }));
    registerIpcHandlers(
      {
        handle: (channel: string, handler: never) => {
          handlers.set(channel, handler);
        },
        removeHandler: (channel: string) => {
          handlers.delete(channel);
        },
      } as never,
      { invoke } as never,
      { isTrusted: () => trusted },
    );
    return { handlers, invoke };
  }

  it('registers one handler per contract channel', () => {
    const { handlers } = register(true);
    expect([...handlers.keys()].sort()).toEqual([...channelNames].sort());
  });

  it('passes a trusted request to the backend', async () => {
    const { handlers, invoke } = register(true);
    const result = await handlers.get('instances:list')?.({ sender: { id: 1 } }, {});
    expect(invoke).toHaveBeenCalledWith('instances:list', {});
    expect(result).toEqual({ ok: true, value: { instances: [] } });
  });

  it('refuses an untrusted sender before the backend sees anything', async () => {
    const { handlers, invoke } = register(false);
    const result = await handlers.get('instances:delete')?.({ sender: { id: 99 } }, { id: 'x' });
    expect(invoke).not.toHaveBeenCalled();
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  });
});

describe('forwardBackendEvents', () => {
  it('sends backend events on the one event channel and stops when asked', () => {
    let listener: ((event: BackendEvent) => void) | undefined;
    const send = vi.fn();
    const stop = forwardBackendEvents(
      {
        subscribe: (l) => {
          listener = l;
          return () => {
            listener = undefined;
          };
        },
      },
      send,
    );
    const event: BackendEvent = {
      type: 'validation:progress',
      instanceId: '6f1e8f7a-3b7c-4c1e-9d55-0a4c2b9e1f00',
      steps: [],
    };
    listener?.(event);
    expect(send).toHaveBeenCalledWith(BACKEND_EVENT_CHANNEL, event);
    stop();
    expect(listener).toBeUndefined();
  });
});
