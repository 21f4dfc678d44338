import {
  changedSecretBoundFields,
  REENTER_SECRET_MESSAGE,
  validateConfiguration,
} from '../../shared/configuration-rules';
import type { ConfigurationView, ParsedRequestOf, ResponseOf } from '../../shared/ipc';
import type { StoredConfiguration } from '../store';
import { AppError } from './app-error';
import type { BackendContext } from './context';

export function toConfigurationView(stored: StoredConfiguration): ConfigurationView {
  return {
    instanceId: stored.instanceId,
    resourceServer: stored.resourceServer,
    clientId: stored.clientId,
    tenant: stored.tenant,
    authServer: stored.authServer,
    isOnPremise: stored.isOnPremise,
    caCertificatePem: stored.caCertificatePem,
    hasClientSecret: stored.hasClientSecret,
    updatedAt: stored.updatedAt,
  };
}

/**
 * Saves a configuration. The rules in shared/ are authoritative here (the renderer runs the same ones for
 * instant feedback). A new secret goes to the keychain first: if the keychain refuses, nothing is saved
 * and the form keeps what the user typed.
 *
 * A stored secret follows its connection, never a new one: when a host, the tenant, the on-premise flag
 * or the CA changes and no secret comes with the save, the stored secret is deleted (before the new
 * hosts are written, so no moment exists where the old secret sits next to the new host) and the note
 * asks for it again.
 */
export async function storeConfiguration(
  context: BackendContext,
  instanceId: string,
  input: ParsedRequestOf<'config:save'>['configuration'],
): Promise<ResponseOf<'config:save'>> {
  const previous = context.store.configurations.get(instanceId);
  const checked = validateConfiguration(input, {
    hasStoredSecret: previous?.hasClientSecret ?? false,
  });
  if (!checked.ok) {
    const fields = Object.entries(checked.errors).filter((entry): entry is [string, string] =>
      Boolean(entry[1]),
    );
    const list = fields.map(([field, message]) => `${field}: ${message}`).join(' ');
    throw new AppError('invalid-configuration', `The configuration was not saved. ${list}`, {
      fields: Object.fromEntries(fields),
    });
  }
  const newSecret = checked.clientSecret;
  const forgetsSecret =
    newSecret === null &&
    previous !== null &&
    previous.hasClientSecret &&
    changedSecretBoundFields(previous, checked.value).length > 0;
  if (newSecret) await context.secrets.set(instanceId, newSecret);
  if (forgetsSecret) await context.secrets.delete(instanceId);
  const stored: StoredConfiguration = {
    ...checked.value,
    instanceId: instanceId,
    hasClientSecret: newSecret ? true : !forgetsSecret && (previous?.hasClientSecret ?? false),
    updatedAt: context.now().toISOString(),
  };
  context.store.configurations.upsert(stored);
  const notes = Object.fromEntries(
    Object.entries(checked.notes).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  if (forgetsSecret) notes.clientSecret = REENTER_SECRET_MESSAGE;
  return { configuration: toConfigurationView(stored), notes };
}
