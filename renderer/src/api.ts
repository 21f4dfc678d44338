import type { HaloSetupApi } from '../../shared/api';
import type {
  AppErrorData,
  BackendEvent,
  ChannelName,
  IpcResult,
  RequestOf,
  ResponseOf,
} from '../../shared/ipc';
import type { FileFormat } from '../../shared/mapping-contract';

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

/** Looks up `window.api.<domain>.<verb>` for a channel; the preload built it from the same contract. */
function callFor<C extends ChannelName>(channel: C): Call<C> {
  const [domain, verb] = channel.split(':') as [string, string];
  const domainApi = (window.api as unknown as Record<string, Record<string, Call<C>>>)[domain];
  const call = domainApi?.[verb];
  if (!call) throw new Error(`window.api has no ${channel}: is the preload loaded?`);
  return call;
}

/** The renderer's one typed client: resolves with the response, rejects with an ApiError. */
export async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  return unwrap(await callFor(channel)(request));
}

export const api = {
  appInfo: () => call('app:info', {}),
  instances: {
    list: () => call('instances:list', {}),
    create: (name: string) => call('instances:create', { name }),
    rename: (id: string, name: string) => call('instances:rename', { id, name }),
    delete: (id: string) => call('instances:delete', { id }),
    /** What the instance holds besides its configuration (for the delete dialog). */
    holdings: (id: string) => call('instances:holdings', { id }),
  },
  config: {
    get: (instanceId: string) => call('config:get', { instanceId }),
    save: (request: RequestOf<'config:save'>) => call('config:save', request),
    validate: (instanceId: string) => call('config:validate', { instanceId }),
    /** Stops the instance's running validation; `cancelled: false` when none was running. */
    cancelValidation: (instanceId: string) => call('config:cancelValidation', { instanceId }),
  },
  /** Our organizations: one directory shared by every instance. */
  organizations: {
    list: () => call('organizations:list', {}),
    upsert: (request: RequestOf<'organizations:upsert'>) => call('organizations:upsert', request),
    remove: (ids: string[], force = false) =>
      call('organizations:remove', force ? { ids, force: true } : { ids }),
    /** `contentBase64`: the file's bytes (see lib/file-bytes.ts), so the backend can detect the encoding. */
    import: (format: FileFormat, contentBase64: string) =>
      call('organizations:import', { format, contentBase64 }),
    /** Opens the app's own file dialog and links the chosen file; Refresh Options re-reads it. */
    linkSource: () => call('organizations:linkSource', { action: 'choose' }),
    unlinkSource: () => call('organizations:linkSource', { action: 'unlink' }),
  },
  /** The cached Halo clients of one instance (Refresh Options). */
  options: {
    refresh: (instanceId: string) => call('options:refresh', { instanceId }),
    cancel: (instanceId: string) => call('options:cancel', { instanceId }),
    get: (instanceId: string) => call('options:get', { instanceId }),
    /** Where the instance's refresh stands; with `wait`, after a running one has ended. */
    status: (instanceId: string, wait = false) =>
      call('options:status', wait ? { instanceId, wait } : { instanceId }),
  },
  /** One instance's mappings: the draft, suggestions, undo/redo, save, export and import. */
  mappings: {
    get: (instanceId: string) => call('mappings:get', { instanceId }),
    edit: (request: RequestOf<'mappings:edit'>) => call('mappings:edit', request),
    suggest: (instanceId: string) => call('mappings:suggest', { instanceId }),
    cancelSuggest: (instanceId: string) => call('mappings:cancelSuggest', { instanceId }),
    undo: (instanceId: string) => call('mappings:undo', { instanceId }),
    redo: (instanceId: string) => call('mappings:redo', { instanceId }),
    discard: (instanceId: string) => call('mappings:discard', { instanceId }),
    diff: (instanceId: string) => call('mappings:diff', { instanceId }),
    save: (instanceId: string) => call('mappings:save', { instanceId }),
    export: (instanceId: string, format: FileFormat, source: 'saved' | 'draft' = 'saved') =>
      call('mappings:export', { instanceId, format, source }),
    import: (instanceId: string, format: FileFormat, contentBase64: string) =>
      call('mappings:import', { instanceId, format, contentBase64 }),
  },
  onEvent: (listener: (event: BackendEvent) => void) => window.api.onEvent(listener),
};
