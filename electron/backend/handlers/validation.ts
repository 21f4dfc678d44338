import type { ParsedRequestOf, ResponseOf } from '../../../shared/ipc';
import { AppError } from '../app-error';
import type { BackendContext } from '../context';
import { requireInstance } from './instances';

/**
 * Validates an instance's saved configuration against Halo (token -> Agent/me -> one page of clients),
 * streams each step's progress as events, and keeps the result for the instance list.
 */
export async function validateInstance(
  context: BackendContext,
  request: ParsedRequestOf<'config:validate'>,
): Promise<ResponseOf<'config:validate'>> {
  const { instanceId } = request;
  requireInstance(context, instanceId);
  const configuration = context.store.configurations.get(instanceId);
  if (!configuration) {
    throw new AppError(
      'invalid-configuration',
      'Save a configuration for this instance before validating it.',
      {
        fields: { resourceServer: 'Required before validation.' },
      },
    );
  }
  const clientSecret = await context.secrets.get(instanceId);
  if (!clientSecret) {
    throw new AppError(
      'invalid-configuration',
      'No client secret is stored for this instance. Paste the secret of the Halo application into Client Secret and save.',
      { fields: { clientSecret: 'Required before validation.' } },
    );
  }
  const client = context.haloClients.clientFor(configuration, clientSecret);
  const result = await client.validate({
    onProgress: (steps) => context.emit({ type: 'validation:progress', instanceId, steps }),
  });
  // The instance may have been deleted while Halo answered: then there is nothing to keep.
  if (context.store.instances.get(instanceId)) context.store.validationResults.save(instanceId, result);
  return result;
}
