import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKEND_EVENT_CHANNEL, channelNames } from '../../../shared/channel-names';

// Only `electron` itself is mocked: the preload's own code runs for real.
const exposed = new Map<string, unknown>();
const ipcListeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
const invoke = vi.fn(async (channel: string, request: unknown) => ({
  ok: true,
  value: { channel, request },
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: (channel: string, request: unknown) => invoke(channel, request),
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      const set = ipcListeners.get(channel) ?? new Set();
      set.add(listener);
      ipcListeners.set(channel, set);
    },
    removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      ipcListeners.get(channel)?.delete(listener);
    },
  },
}));

type ExposedApi = Record<string, Record<string, (request?: unknown) => Promise<unknown>>> & {
  onEvent: (listener: (event: unknown) => void) => () => void;
};

describe('preload', () => {
  beforeEach(async () => {
    exposed.clear();
    vi.resetModules();
    await import('../../../electron/preload/index');
  });

  it('exposes window.api with exactly one named function per channel, plus onEvent', () => {
    const api = exposed.get('api') as ExposedApi;
    expect([...exposed.keys()]).toEqual(['api']);
    const exposedNames = Object.entries(api)
      .filter(([key]) => key !== 'onEvent')
      .flatMap(([domain, functions]) => Object.keys(functions).map((verb) => `${domain}:${verb}`));
    expect(exposedNames.sort()).toEqual([...channelNames].sort());
    expect(typeof api.onEvent).toBe('function');
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|send|invoke|require/i);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards calls to the channel of the same name', async () => {
    const api = exposed.get('api') as ExposedApi;
    await api.instances?.rename?.({ id: 'x', name: 'y' });
    expect(invoke).toHaveBeenLastCalledWith('instances:rename', { id: 'x', name: 'y' });
  });

  it('strips the IPC event object from event callbacks, and unsubscribes', () => {
    const api = exposed.get('api') as ExposedApi;
    const received: unknown[][] = [];
    const unsubscribe = api.onEvent((...args: unknown[]) => received.push(args));
    const listeners = [...(ipcListeners.get(BACKEND_EVENT_CHANNEL) ?? [])];
    expect(listeners).toHaveLength(1);
    const ipcEvent = { sender: { send: () => {} }, ports: [] };
    listeners[0]?.(ipcEvent, { type: 'validation:progress' });
    expect(received).toEqual([[{ type: 'validation:progress' }]]);
    unsubscribe();
    expect(ipcListeners.get(BACKEND_EVENT_CHANNEL)?.size).toBe(0);
  });
});
