import type { BackendEvent, ChannelName, IpcResult, RequestOf, ResponseOf } from './ipc';

/**
 * The shape of `window.api`, derived from the contract: channel `domain:verb` becomes
 * `api.domain.verb(request)`. Nothing else is exposed: no ipcRenderer, no event objects.
 */
export type Domain<C extends string = ChannelName> = C extends `${infer D}:${string}` ? D : never;

export type DomainApi<D extends string> = {
  [C in ChannelName as C extends `${D}:${infer V}` ? V : never]: (
    request: RequestOf<C>,
  ) => Promise<IpcResult<ResponseOf<C>>>;
};

export type HaloSetupApi = { [D in Domain]: DomainApi<D> } & {
  /** Subscribe to backend events (progress). Returns the unsubscribe function. */
  onEvent(listener: (event: BackendEvent) => void): () => void;
};

/** Splits "instances:list" into ["instances", "list"]. */
export function splitChannel(name: string): [string, string] {
  const at = name.indexOf(':');
  return [name.slice(0, at), name.slice(at + 1)];
}
