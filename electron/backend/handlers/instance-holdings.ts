import type { ParsedRequestOf, ResponseOf } from '../../../shared/ipc';
import type { BackendContext } from '../context';
import { requireInstance } from '../instance-lookup';

/** What deleting the instance would take with it besides its configuration and secret. */
export function instanceHoldings(
  context: BackendContext,
  request: ParsedRequestOf<'instances:holdings'>,
): ResponseOf<'instances:holdings'> {
  const { id } = request;
  requireInstance(context, id);
  const { mappings, haloOptions, validationResults } = context.store;
  return {
    savedMappings: mappings.saved(id).size,
    draftChanges: mappings.draftOverrides(id).size,
    cachedClients: haloOptions.meta(id)?.clientCount ?? 0,
    hasValidation: validationResults.has(id),
  };
}
