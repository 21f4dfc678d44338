import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createKeytarSecretStore,
  explainKeychainFailure,
  KEYCHAIN_SERVICE,
  KeychainUnavailableError,
} from '../../electron/secrets';

// These run against the real OS keychain: gnome-keyring over D-Bus on Linux (npm test starts a private
// session), the login keychain on macOS, Credential Manager on Windows. A test service name keeps them
// away from a developer's real "Halo Setup" entries.
const service = `${KEYCHAIN_SERVICE} (tests ${process.pid})`;
const store = createKeytarSecretStore(undefined, service);
const accounts: string[] = [];
const newAccount = () => {
  const account = randomUUID();
  accounts.push(account);
  return account;
};

afterAll(async () => {
  for (const account of accounts) await store.delete(account);
});

describe('keytar secret store (real keychain)', () => {
  it('stores, reads, replaces and deletes a secret', async () => {
    const account = newAccount();
    expect(await store.get(account)).toBeNull();
    await store.set(account, 'first-secret-Ω-✓');
    expect(await store.get(account)).toBe('first-secret-Ω-✓');
    await store.set(account, 'second-secret');
    expect(await store.get(account)).toBe('second-secret');
    expect(await store.delete(account)).toBe(true);
    expect(await store.get(account)).toBeNull();
    expect(await store.delete(account)).toBe(false);
  });

  it('keeps each instance account separate', async () => {
    const a = newAccount();
    const b = newAccount();
    await store.set(a, 'secret-a');
    await store.set(b, 'secret-b');
    expect(await store.get(a)).toBe('secret-a');
    expect(await store.get(b)).toBe('secret-b');
  });

  it('stores a long secret intact', async () => {
    const account = newAccount();
    const secret = `${'x'.repeat(500)}-${randomUUID()}`;
    await store.set(account, secret);
    expect(await store.get(account)).toBe(secret);
  });
});

describe('keychain unavailable', () => {
  it('reports a loader failure as KeychainUnavailableError naming what is missing, never a plaintext fallback', async () => {
    const broken = createKeytarSecretStore(async () => {
      throw new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory');
    });
    const error = await broken.set('account', 'secret').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect((error as Error).message).toMatch(/libsecret/);
    expect((error as Error).message).toMatch(/install/i);
  });

  it.runIf(process.platform === 'linux')(
    'explains the real error keytar gives when no D-Bus session is reachable',
    () => {
      // A child process with no usable session bus shows what a user without a keyring would get.
      const script = `require('keytar').getPassword('x','y').then(()=>console.log('NO-ERROR'),e=>console.log(e.message))`;
      const output = execFileSync(process.execPath, ['-e', script], {
        env: {
          PATH: process.env.PATH ?? '',
          DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus',
          DISPLAY: '',
        },
        encoding: 'utf8',
      }).trim();
      expect(output).not.toBe('NO-ERROR');
      const message = explainKeychainFailure(new Error(output), 'linux');
      expect(message).toMatch(/D-Bus|Secret Service|keychain/);
      expect(message).toContain(output);
    },
  );
});
