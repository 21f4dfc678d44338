import { createHaloClient, type HaloClient, type HaloClientOptions } from '../halo';
import type { StoredConfiguration } from '../store';

/**
 * One Halo client per instance, kept between calls so its access token (and its pacer's request budget)
 * is reused until the token nears expiry, as Halo expects. A saved configuration changes `updatedAt`,
 * which retires the old client: a new secret or host never talks through a stale token.
 */
export function createHaloClientCache(baseOptions: Partial<Omit<HaloClientOptions, 'clientSecret'>>) {
  const clients = new Map<string, { fingerprint: string; client: HaloClient }>();
  return {
    clientFor(configuration: StoredConfiguration, clientSecret: string): HaloClient {
      const fingerprint = `${configuration.updatedAt}|${configuration.resourceServer}|${configuration.clientId}`;
      const cached = clients.get(configuration.instanceId);
      if (cached && cached.fingerprint === fingerprint) return cached.client;
      cached?.client.close();
      const client = createHaloClient(configuration, { ...baseOptions, clientSecret });
      clients.set(configuration.instanceId, { fingerprint, client });
      return client;
    },
    forget(instanceId: string): void {
      clients.get(instanceId)?.client.close();
      clients.delete(instanceId);
    },
    /** Releases every pooled connection (the backend is closing). */
    closeAll(): void {
      for (const { client } of clients.values()) client.close();
      clients.clear();
    },
  };
}

export type HaloClientCache = ReturnType<typeof createHaloClientCache>;
