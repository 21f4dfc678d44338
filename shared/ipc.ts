import { z } from 'zod';
import type { AppErrorData } from './app-errors';
import type { ChannelNameFromList } from './channel-names';
import { configurationInputSchema } from './configuration-rules';
import { instanceIdSchema, instanceNameSchema, instanceSummarySchema } from './domain';
import { instanceImpactChannels } from './instance-impact-contract';
import { mappingChannels, optionsProgressEventSchema, suggestProgressEventSchema } from './mapping-contract';
import { refreshStatusChannels } from './refresh-status-contract';
import { validationResultSchema, validationStepSchema } from './validation';
import { wizardChannels } from './wizard-contract';

/**
 * The typed IPC contract: one entry per channel, each with a zod schema for the request and one for the
 * response. Main validates every request against it; the preload exposes one named function per channel
 * (`api.instances.list()` for `instances:list`); the renderer's client module is typed from it. Types are
 * inferred from the schemas, so the three sides cannot drift.
 */

export { type AppErrorCode, type AppErrorData, type AppErrorDetails, appErrorSchema } from './app-errors';

/** What every channel answers: a value, or an error as data (see app-errors.ts). */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

const empty = z.object({}).strict();

/** What the renderer may see of a configuration: everything but the secret, plus whether one is stored. */
export const configurationViewSchema = z.object({
  instanceId: instanceIdSchema,
  resourceServer: z.string(),
  clientId: z.string(),
  tenant: z.string(),
  authServer: z.string(),
  isOnPremise: z.boolean(),
  caCertificatePem: z.string(),
  hasClientSecret: z.boolean(),
  updatedAt: z.string(),
});
export type ConfigurationView = z.infer<typeof configurationViewSchema>;

export const channels = {
  'app:info': {
    request: empty,
    response: z.object({
      name: z.string(),
      version: z.string(),
      platform: z.string(),
      /** Where the SQLite file lives (shown in About/diagnostics). */
      databasePath: z.string(),
      /** Which keychain backs the secrets, e.g. "OS keychain (keytar)". */
      secretStore: z.string(),
    }),
  },
  'instances:list': {
    request: empty,
    response: z.object({ instances: z.array(instanceSummarySchema) }),
  },
  'instances:create': {
    request: z.object({ name: instanceNameSchema }).strict(),
    response: instanceSummarySchema,
  },
  'instances:rename': {
    request: z.object({ id: instanceIdSchema, name: instanceNameSchema }).strict(),
    response: instanceSummarySchema,
  },
  'instances:delete': {
    request: z.object({ id: instanceIdSchema }).strict(),
    response: z.object({ id: instanceIdSchema, name: z.string(), removedSecret: z.boolean() }),
  },
  'config:get': {
    request: z.object({ instanceId: instanceIdSchema }).strict(),
    response: z.object({ configuration: configurationViewSchema.nullable() }),
  },
  'config:save': {
    request: z.object({ instanceId: instanceIdSchema, configuration: configurationInputSchema }).strict(),
    response: z.object({
      configuration: configurationViewSchema,
      /** Normalisations applied ("Removed https:// and /api"), keyed by field. */
      notes: z.record(z.string(), z.string()),
    }),
  },
  'config:validate': {
    request: z.object({ instanceId: instanceIdSchema }).strict(),
    response: validationResultSchema,
  },
  /** Stops the instance's running validation (Validate, Validate again, the wizard's check). */
  'config:cancelValidation': {
    request: z.object({ instanceId: instanceIdSchema }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
  ...mappingChannels,
  ...wizardChannels,
  ...refreshStatusChannels,
  ...instanceImpactChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;

/** Events the backend pushes to the renderer (progress). */
export const backendEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('validation:progress'),
    instanceId: instanceIdSchema,
    steps: z.array(validationStepSchema),
  }),
  optionsProgressEventSchema,
  suggestProgressEventSchema,
]);
export type BackendEvent = z.infer<typeof backendEventSchema>;

// Compile-time proof that shared/channel-names.ts lists exactly the contract's channels.
type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const channelListMatchesContract: SameSet<ChannelName, ChannelNameFromList> = true;
void channelListMatchesContract;
