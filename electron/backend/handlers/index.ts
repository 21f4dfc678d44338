import type { ChannelName, ParsedRequestOf, ResponseOf } from '../../../shared/ipc';
import type { BackendContext } from '../context';
import { getConfiguration, saveConfiguration } from './configuration';
import { createInstance, deleteInstance, listInstances, renameInstance } from './instances';
import { validateInstance } from './validation';

export type Handler<C extends ChannelName> = (
  context: BackendContext,
  request: ParsedRequestOf<C>,
) => ResponseOf<C> | Promise<ResponseOf<C>>;

/** One handler per channel; the mapped type makes a missing or mistyped handler a compile error. */
export const handlers: { [C in ChannelName]: Handler<C> } = {
  'app:info': (context) => ({ ...context.appInfo, secretStore: context.secrets.description }),
  'instances:list': listInstances,
  'instances:create': createInstance,
  'instances:rename': renameInstance,
  'instances:delete': deleteInstance,
  'config:get': getConfiguration,
  'config:save': saveConfiguration,
  'config:validate': validateInstance,
};
