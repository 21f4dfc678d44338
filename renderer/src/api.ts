import { type Domain, type HaloSetupApi, splitChannel } from '../../shared/api';
import { channelNames } from '../../shared/channel-names';
import type {
  AppErrorData,
  BackendEvent,
  ChannelName,
  IpcResult,
  RequestOf,
  ResponseOf,
} from '../../shared/ipc';

declare global {
  interface Window {
    api: HaloSetupApi;
  }
}

/**
 * A failed call, carrying the backend's `{ code, message, details }` as `data`: screens switch on
 * `data.code`, and each code's details are typed by the contract (shared/app-errors.ts).
 */
export class ApiError extends Error {
  constructor(readonly data: AppErrorData) {
    super(data.message);
    this.name = 'ApiError';
  }
  get code(): AppErrorData['code'] {
    return this.data.code;
  }
  /** Field errors of a refused form ('invalid-configuration', or a field value 'invalid-request' names). */
  get fieldErrors(): Record<string, string> {
    const { data } = this;
    if (data.code === 'invalid-configuration' || data.code === 'invalid-request')
      return data.details.fields ?? {};
    return {};
  }
}

function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

type Call<C extends ChannelName> = (request: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>;

/** Looks up `window.api.<domain>.<verb>` for a channel at call time; the preload built it from the same list. */
function preloadCall<C extends ChannelName>(channel: C): Call<C> {
  const [domain, verb] = splitChannel(channel);
  const domainApi = (window.api as unknown as Record<string, Record<string, Call<C>> | undefined>)[domain];
  const call = domainApi?.[verb];
  if (!call) throw new Error(`window.api has no ${channel}: is the preload loaded?`);
  return call;
}

/** One channel as the renderer calls it: resolves with the response, rejects with an ApiError. */
type ClientCall<C extends ChannelName> =
  Record<string, never> extends RequestOf<C>
    ? (request?: RequestOf<C>) => Promise<ResponseOf<C>>
    : (request: RequestOf<C>) => Promise<ResponseOf<C>>;

/** `api.<domain>.<verb>(request)` for every channel `domain:verb` of the contract, plus `onEvent`. */
export type RendererClient = {
  [D in Domain]: { [C in ChannelName as C extends `${D}:${infer V}` ? V : never]: ClientCall<C> };
} & { onEvent(listener: (event: BackendEvent) => void): () => void };

/**
 * The renderer's one client, generated from the channel list like the preload's `window.api`, so a new
 * channel needs no hand-written wrapper and every screen calls the backend the same way.
 */
function buildClient(): RendererClient {
  const client: Record<string, Record<string, (request?: unknown) => Promise<unknown>>> = {};
  for (const channel of channelNames) {
    const [domain, verb] = splitChannel(channel);
    client[domain] ??= {};
    const domainClient = client[domain];
    domainClient[verb] = async (request = {}) =>
      unwrap(await preloadCall(channel)(request as RequestOf<typeof channel>));
  }
  const onEvent = (listener: (event: BackendEvent) => void) => window.api.onEvent(listener);
  return { ...client, onEvent } as unknown as RendererClient;
}

export const api = buildClient();
