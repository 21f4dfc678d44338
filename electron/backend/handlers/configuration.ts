import type { ParsedRequestOf, ResponseOf } from '../../../shared/ipc';
import { storeConfiguration, toConfigurationView } from '../configuration-save';
import type { BackendContext } from '../context';
import { requireInstance } from '../instance-lookup';

export function getConfiguration(
  context: BackendContext,
  request: ParsedRequestOf<'config:get'>,
): ResponseOf<'config:get'> {
  requireInstance(context, request.instanceId);
  const stored = context.store.configurations.get(request.instanceId);
  return { configuration: stored ? toConfigurationView(stored) : null };
}

export function saveConfiguration(
  context: BackendContext,
  request: ParsedRequestOf<'config:save'>,
): Promise<ResponseOf<'config:save'>> {
  requireInstance(context, request.instanceId);
  return storeConfiguration(context, request.instanceId, request.configuration);
}
