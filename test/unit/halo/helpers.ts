import type { LookupFunction } from 'node:net';
import { afterEach } from 'vitest';
import type { HaloClock } from '../../../electron/halo/clock';
import { HaloError } from '../../../electron/halo/halo-error';
import type { HaloClient } from '../../../electron/halo/index';
import type { HaloConfiguration } from '../../../shared/domain';
import type { HaloErrorCode } from '../../../shared/halo-errors';
import { FAKE_CLIENT_ID, type FakeHalo, type FakeHaloOptions, startFakeHalo } from '../../fake-halo/index';

/**
 * A clock whose sleeps take no real time: `sleep(ms)` moves virtual time forward by `ms` and resolves
 * on the next macrotask, so sockets keep flowing. Share `now` with the fake so its rate window and token
 * expiry follow the same time.
 */
export interface VirtualClock extends HaloClock {
  advance(ms: number): void;
  slept: number[];
}

export function virtualClock(start = 1_000_000): VirtualClock {
  let time = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => time,
    advance(ms) {
      time += ms;
    },
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(new DOMException('aborted', 'AbortError'));
          return;
        }
        slept.push(ms);
        time += Math.max(0, ms);
        setImmediate(() => {
          if (signal?.aborted) reject(new DOMException('aborted', 'AbortError'));
          else resolve();
        });
      });
    },
  };
}

/** Resolves every hostname to 127.0.0.1 (tests never touch any other address). */
export const loopbackLookup: LookupFunction = (_hostname, options, callback) => {
  if (typeof options === 'object' && options !== null && options.all === true) {
    (callback as unknown as (err: null, addresses: { address: string; family: number }[]) => void)(null, [
      { address: '127.0.0.1', family: 4 },
    ]);
    return;
  }
  callback(null, '127.0.0.1', 4);
};

export function configFor(
  fake: Pick<FakeHalo, 'host'>,
  patch: Partial<HaloConfiguration> = {},
): HaloConfiguration {
  return {
    resourceServer: fake.host,
    clientId: FAKE_CLIENT_ID,
    tenant: '',
    authServer: '',
    isOnPremise: false,
    caCertificatePem: '',
    ...patch,
  };
}

/** Awaits a rejection and checks it is a classified HaloError with `code`; returns it. */
export async function expectHaloError(promise: Promise<unknown>, code: HaloErrorCode): Promise<HaloError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  if (!(caught instanceof HaloError)) {
    throw new Error(`expected a HaloError with code ${code}, got ${String(caught)}`);
  }
  if (caught.code !== code) {
    throw new Error(`expected code ${code}, got ${caught.code}: ${caught.message}`);
  }
  return caught;
}

/** Asserts no secret text appears anywhere in a serialised value. */
export function assertNoSecret(value: unknown, secrets: readonly string[]): void {
  const text = JSON.stringify(value);
  for (const secret of secrets) {
    if (text.includes(secret)) throw new Error(`a secret leaked into: ${text.slice(0, 200)}`);
  }
}

/**
 * The fakes and clients a test file starts, stopped and closed after each test. `defaults` are the
 * file's usual fake options; a test's own options win.
 */
export function fakesPerTest(defaults: FakeHaloOptions = {}) {
  const running: FakeHalo[] = [];
  const opened: HaloClient[] = [];
  afterEach(async () => {
    for (const client of opened.splice(0)) client.close();
    await Promise.all(running.splice(0).map((fake) => fake.stop()));
  });
  return {
    async fake(options: FakeHaloOptions = {}): Promise<FakeHalo> {
      const fake = await startFakeHalo({ ...defaults, ...options });
      running.push(fake);
      return fake;
    },
    track(client: HaloClient): HaloClient {
      opened.push(client);
      return client;
    },
  };
}
