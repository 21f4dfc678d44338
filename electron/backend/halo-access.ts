import type { HaloClient } from '../halo';
import { AppError } from './app-error';
import type { BackendContext } from './context';

/** What the Halo client is wanted for, in the words its "set this up first" message uses. */
const PURPOSES = {
  validation: { doing: 'validating it', field: 'Required before validation.' },
  refresh: { doing: 'refreshing options', field: 'Required before Refresh Options.' },
} as const;

/**
 * The instance's Halo client, from its saved configuration and the secret in the keychain, reused
 * between calls (see halo-clients.ts). Every handler that talks to Halo gets its client here, so a missing
 * configuration or secret is always refused the same way, with the field to fill named.
 */
export async function clientForInstance(
  context: BackendContext,
  instanceId: string,
  purpose: keyof typeof PURPOSES,
): Promise<HaloClient> {
  const { doing, field } = PURPOSES[purpose];
  const configuration = context.store.configurations.get(instanceId);
  if (!configuration) {
    throw new AppError('invalid-configuration', `Save a configuration for this instance before ${doing}.`, {
      fields: { resourceServer: field },
    });
  }
  const clientSecret = await context.secrets.get(instanceId);
  if (!clientSecret) {
    throw new AppError(
      'invalid-configuration',
      'No client secret is stored for this instance. Paste the secret of the Halo application into Client Secret and save.',
      { fields: { clientSecret: field } },
    );
  }
  return context.haloClients.clientFor(configuration, clientSecret);
}
