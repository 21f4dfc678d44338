export { createKeytarSecretStore, explainKeychainFailure } from './keytar-secret-store';
export { createMemorySecretStore } from './memory-secret-store';
export { KEYCHAIN_SERVICE, KeychainUnavailableError, type SecretStore } from './secret-store';
