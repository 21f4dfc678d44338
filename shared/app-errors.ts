import { z } from 'zod';
import { haloErrorInfoSchema } from './halo-errors';
import { importProblemSchema } from './mapping-contract';

/**
 * Errors cross IPC as data so the renderer can show them well. Each code carries its own `details`, so a
 * screen switches on `code` and reads typed fields instead of guessing at an untyped record.
 */
const issueSchema = z.object({ path: z.string(), message: z.string() });
/** Field name -> what is wrong with it (the configuration form, the organization form). */
const fieldsSchema = z.record(z.string(), z.string());
/** What a storage fault says: the file, the fault, SQLite's words and, for corruption, the integrity check. */
const storageDetailsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

// Details are strict: a field the contract does not declare is a bug in the backend, caught by the tests.
const variant = <C extends string, D extends z.ZodType>(code: C, details: D) =>
  z.object({ code: z.literal(code), message: z.string(), details });

export const appErrorSchema = z.discriminatedUnion('code', [
  // the payload does not match the channel's schema (issues), or a field value the backend refuses (fields)
  variant(
    'invalid-request',
    z.strictObject({
      channel: z.string().optional(),
      issues: z.array(issueSchema).optional(),
      fields: fieldsSchema.optional(),
    }),
  ),
  // a CSV or JSON file refused whole, with every line's problem
  variant('invalid-file', z.strictObject({ problems: z.array(importProblemSchema) })),
  // the instance, organization or file does not exist (any more)
  variant(
    'not-found',
    z.strictObject({
      id: z.string().optional(),
      instanceId: z.string().optional(),
      organizationId: z.string().optional(),
      operation: z.string().optional(),
      path: z.string().optional(),
    }),
  ),
  // e.g. a name in use, work already running, rows in Conflict, organizations still mapped
  variant(
    'conflict',
    z.strictObject({
      id: z.string().optional(),
      name: z.string().optional(),
      operation: z.string().optional(),
      conflicts: z.number().int().optional(),
      mapped: z.array(z.string()).optional(),
    }),
  ),
  // the user (or deleting the instance) stopped the work; nothing was changed. Not a failure.
  variant(
    'cancelled',
    z.strictObject({
      operation: z.enum(['suggest', 'refresh', 'validation']).nullable(),
      nextStep: z.string(),
    }),
  ),
  // the configuration form has field errors, or the configuration cannot be used for this
  variant(
    'invalid-configuration',
    z.strictObject({ fields: fieldsSchema.optional(), host: z.string().optional() }),
  ),
  // no OS keychain / Secret Service reachable
  variant('keychain-unavailable', z.strictObject({})),
  // SQLite refused (details say why), and the storage faults, each with its own next step
  variant('database', storageDetailsSchema),
  variant('disk-full', storageDetailsSchema),
  variant('database-read-only', storageDetailsSchema),
  variant('database-locked', storageDetailsSchema),
  variant('database-corrupt', storageDetailsSchema),
  variant('disk-error', storageDetailsSchema),
  // a Halo request failed
  variant('halo', z.strictObject({ halo: haloErrorInfoSchema })),
  // an IPC message from something other than the app's own window
  variant('untrusted-sender', z.strictObject({ channel: z.string() })),
  variant('internal', z.strictObject({ url: z.string().optional() })),
]);
export type AppErrorData = z.infer<typeof appErrorSchema>;
export type AppErrorCode = AppErrorData['code'];
/** The details an error of code `C` carries. */
export type AppErrorDetails<C extends AppErrorCode> = Extract<AppErrorData, { code: C }>['details'];
