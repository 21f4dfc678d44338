import type { SecretStore } from './secret-store';

/** Secrets in a Map: for tests that are not about the keychain. Never used by the app. */
export function createMemorySecretStore(): SecretStore & { readonly size: number } {
  const secrets = new Map<string, string>();
  return {
    description: 'in-memory (tests only)',
    get size() {
      return secrets.size;
    },
    async get(account) {
      return secrets.get(account) ?? null;
    },
    async set(account, secret) {
      secrets.set(account, secret);
    },
    async delete(account) {
      return secrets.delete(account);
    },
  };
}
