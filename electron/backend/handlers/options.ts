import type { ParsedRequestOf, ResponseOf } from '../../../shared/ipc';
import type { BackendContext } from '../context';
import { requireInstance } from '../instance-lookup';
import { optionsInfo, toOptionClient } from '../mapping/mapping-view';
import { refreshKey } from '../options/refresh-options';

export function cancelRefresh(
  context: BackendContext,
  request: ParsedRequestOf<'options:cancel'>,
): ResponseOf<'options:cancel'> {
  return { cancelled: context.operations.cancel(refreshKey(request.instanceId)) };
}

export function getOptions(
  context: BackendContext,
  request: ParsedRequestOf<'options:get'>,
): ResponseOf<'options:get'> {
  const { instanceId } = request;
  requireInstance(context, instanceId);
  const meta = context.store.haloOptions.meta(instanceId);
  return {
    cache: optionsInfo(meta, context.now()),
    clients: meta ? context.store.haloOptions.clients(instanceId).map(toOptionClient) : [],
    topLevels: meta?.topLevels ?? [],
    refreshing: context.operations.isRunning(refreshKey(instanceId)),
  };
}
