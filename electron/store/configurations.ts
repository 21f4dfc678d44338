import type { HaloConfiguration } from '../../shared/domain';
import type { SqliteDatabase } from './database';

export interface StoredConfiguration extends HaloConfiguration {
  instanceId: string;
  hasClientSecret: boolean;
  updatedAt: string;
}

interface RawConfigurationRow {
  instance_id: string;
  resource_server: string;
  client_id: string;
  tenant: string;
  auth_server: string;
  is_on_premise: number;
  ca_certificate_pem: string;
  has_client_secret: number;
  updated_at: string;
}

/** The `configurations` table: one Halo connection per instance, everything but the secret. */
export function createConfigurationsRepository(db: SqliteDatabase) {
  const getStatement = db.prepare<[string], RawConfigurationRow>(
    'SELECT * FROM configurations WHERE instance_id = ?',
  );
  const upsertStatement = db.prepare(`
    INSERT INTO configurations (instance_id, resource_server, client_id, tenant, auth_server, is_on_premise,
                                ca_certificate_pem, has_client_secret, updated_at)
    VALUES (@instanceId, @resourceServer, @clientId, @tenant, @authServer, @isOnPremise,
            @caCertificatePem, @hasClientSecret, @updatedAt)
    ON CONFLICT (instance_id) DO UPDATE SET
      resource_server = excluded.resource_server, client_id = excluded.client_id, tenant = excluded.tenant,
      auth_server = excluded.auth_server, is_on_premise = excluded.is_on_premise,
      ca_certificate_pem = excluded.ca_certificate_pem, has_client_secret = excluded.has_client_secret,
      updated_at = excluded.updated_at`);

  return {
    get(instanceId: string): StoredConfiguration | null {
      const raw = getStatement.get(instanceId);
      if (!raw) return null;
      return {
        instanceId: raw.instance_id,
        resourceServer: raw.resource_server,
        clientId: raw.client_id,
        tenant: raw.tenant,
        authServer: raw.auth_server,
        isOnPremise: raw.is_on_premise === 1,
        caCertificatePem: raw.ca_certificate_pem,
        hasClientSecret: raw.has_client_secret === 1,
        updatedAt: raw.updated_at,
      };
    },
    upsert(configuration: StoredConfiguration): void {
      upsertStatement.run({
        ...configuration,
        isOnPremise: configuration.isOnPremise ? 1 : 0,
        hasClientSecret: configuration.hasClientSecret ? 1 : 0,
      });
    },
  };
}

export type ConfigurationsRepository = ReturnType<typeof createConfigurationsRepository>;
