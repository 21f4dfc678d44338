import { KEYCHAIN_SERVICE, KeychainUnavailableError, type SecretStore } from './secret-store';

type Keytar = {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
};

/**
 * Turns keytar's low-level failures into a message that names what is missing. The usual Linux causes:
 * libsecret not installed (the native module fails to load), no D-Bus session, or no Secret Service
 * (gnome-keyring / KWallet) running or unlocked.
 */
export function explainKeychainFailure(error: unknown, platform: NodeJS.Platform = process.platform): string {
  const raw = error instanceof Error ? error.message : String(error);
  if (platform === 'linux') {
    if (/libsecret/i.test(raw)) {
      return `The keychain library libsecret is missing (${raw}). Install it (Debian/Ubuntu: sudo apt install libsecret-1-0 gnome-keyring) and start Halo Setup again.`;
    }
    if (/D-Bus|DBUS|dbus/.test(raw)) {
      return `No D-Bus session is running, so the Secret Service keychain cannot be reached (${raw}). Start Halo Setup from a desktop session, or run it inside "dbus-run-session".`;
    }
    if (/org\.freedesktop\.secrets|Secret Service|not provided by any \.service/i.test(raw)) {
      return `No Secret Service keychain is running (${raw}). Install and start gnome-keyring or KWallet, unlock it, and try again.`;
    }
    if (/locked|unlock|dismissed|cancel/i.test(raw)) {
      return `The keychain is locked or the unlock prompt was dismissed (${raw}). Unlock your keyring and try again.`;
    }
    return `The Secret Service keychain could not be used (${raw}). Check that gnome-keyring or KWallet is running and unlocked.`;
  }
  if (platform === 'darwin') {
    return `The macOS Keychain refused the request (${raw}). Open Keychain Access, make sure the login keychain is unlocked, and allow Halo Setup when asked.`;
  }
  return `Windows Credential Manager refused the request (${raw}). Check that you are signed in to Windows and that Credential Manager is available.`;
}

/**
 * The real secret store: the OS keychain through keytar (service "Halo Setup", account = instance id).
 * keytar is loaded on first use so that a missing libsecret is reported as a clear error, not a crash at
 * start-up.
 */
export function createKeytarSecretStore(
  loadKeytar: () => Promise<Keytar> = defaultLoadKeytar,
  service = KEYCHAIN_SERVICE,
): SecretStore {
  let keytarPromise: Promise<Keytar> | null = null;
  const keytar = () => {
    keytarPromise ??= loadKeytar().catch((error: unknown) => {
      keytarPromise = null;
      throw error;
    });
    return keytarPromise;
  };
  async function call<T>(work: (k: Keytar) => Promise<T>): Promise<T> {
    try {
      return await work(await keytar());
    } catch (error) {
      throw new KeychainUnavailableError(explainKeychainFailure(error), error);
    }
  }
  return {
    description: 'OS keychain (keytar)',
    get: (account) => call((k) => k.getPassword(service, account)),
    set: (account, secret) => call((k) => k.setPassword(service, account, secret)),
    delete: (account) => call((k) => k.deletePassword(service, account)),
  };
}

async function defaultLoadKeytar(): Promise<Keytar> {
  const module = (await import('keytar')) as Keytar & { default?: Keytar };
  return module.default ?? module;
}
