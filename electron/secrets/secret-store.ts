/**
 * Where client secrets live. The keytar implementation is the real one; the in-memory one is for tests
 * that are not about the keychain. keytar's repository was archived in 2022, so everything else depends
 * only on this interface: a maintained fork or Electron's safeStorage can replace it in one file.
 */
export interface SecretStore {
  /** A short description for diagnostics, e.g. "OS keychain (keytar)". */
  readonly description: string;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Returns whether a secret was there to delete. */
  delete(account: string): Promise<boolean>;
}

/** The keychain cannot be reached. Never fall back to plaintext: say what is missing instead. */
export class KeychainUnavailableError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'KeychainUnavailableError';
  }
}

/** The service name under which every secret is filed in the OS keychain. */
export const KEYCHAIN_SERVICE = 'Halo Setup';
