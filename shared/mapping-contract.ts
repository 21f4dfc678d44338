import { z } from 'zod';
import { instanceIdSchema } from './domain';

/**
 * The IPC contract of organization mapping (issue 5): our organizations, the cached Halo options per
 * instance (Refresh Options) and the mappings (draft, saved, suggestions, undo/redo, diff, save,
 * export/import). Spread into `channels` in shared/ipc.ts.
 */

/** Import content crosses IPC as text; 20 MB holds 50,000 organizations many times over. */
export const MAX_IMPORT_CHARS = 20_000_000;

const organizationIdSchema = z.string().min(1).max(100);
const haloClientIdSchema = z.number().int().positive();

export const organizationSchema = z.object({
  id: organizationIdSchema,
  name: z.string(),
  domain: z.string().nullable(),
  externalId: z.string().nullable(),
  /** The organization's Microsoft (Entra) tenant id, a lower-case GUID, from the organization file. */
  microsoftTenantId: z.string().nullable(),
  /** Its domains besides `domain`, from the organization file. */
  domains: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organization = z.infer<typeof organizationSchema>;

/** The two file formats organizations and mappings are read from and written to. */
export const importFormatSchema = z.enum(['csv', 'json']);
export type FileFormat = z.infer<typeof importFormatSchema>;

/** What an export writes: the saved mappings, or the draft with its unsaved changes. */
export const exportSourceSchema = z.enum(['saved', 'draft']);
export type ExportSource = z.infer<typeof exportSourceSchema>;

export const organizationSourceSchema = z.object({
  path: z.string(),
  format: importFormatSchema,
  linkedAt: z.string(),
  lastReadAt: z.string().nullable(),
});
export type OrganizationSource = z.infer<typeof organizationSourceSchema>;

/** A file's content: text (as the renderer read it) or the raw bytes in base64 (then UTF-8 is checked strictly). */
const fileContentShape = {
  content: z.string().max(MAX_IMPORT_CHARS).optional(),
  contentBase64: z
    .string()
    .max(Math.ceil((MAX_IMPORT_CHARS * 4) / 3) + 4)
    .optional(),
};
const exactlyOneContent = (value: { content?: string | undefined; contentBase64?: string | undefined }) =>
  (value.content === undefined) !== (value.contentBase64 === undefined);
const exactlyOneContentMessage = { message: 'Send exactly one of content or contentBase64' };

export const organizationImportResultSchema = z.object({
  /** Rows read from the file (after skipping blank lines and a header). */
  rows: z.number().int(),
  headerDetected: z.boolean(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Organizations in the directory that the file does not list (kept, never deleted by an import). */
  notInFile: z.number().int(),
});
export type OrganizationImportResult = z.infer<typeof organizationImportResultSchema>;

/** One reason a file was refused; `line` is 1-based in the file (JSON: the item's 1-based position). */
export const importProblemSchema = z.object({ line: z.number().int(), reason: z.string() });
export type ImportProblem = z.infer<typeof importProblemSchema>;

// ---------------------------------------------------------------------------------------------------
// Halo options (the cached Halo clients of one instance)

/** One usable Microsoft tenant of a Halo client (Halo's AreaAzureTenant record, as the app keeps it). */
export const haloClientTenantSchema = z.object({
  /** Lower-case bare GUID. */
  tenantId: z.string(),
  name: z.string().nullable(),
  /** The tenant's domain as Halo holds it (often `<name>.onmicrosoft.com`), lower-case, or null. */
  domain: z.string().nullable(),
});
export type HaloClientTenant = z.infer<typeof haloClientTenantSchema>;

/**
 * A Halo client as the app keeps it: read from Halo's list row once, at the Halo boundary
 * (electron/halo/client-record.ts), then the same camelCase shape in the cache, the matcher and the view.
 */
export const haloClientRecordSchema = z.object({
  id: z.number().int(),
  /** Display-ready: entities decoded, invisible and control characters removed. */
  name: z.string(),
  toplevelId: z.number().nullable(),
  toplevelName: z.string().nullable(),
  inactive: z.boolean(),
  mainSiteName: z.string().nullable(),
  website: z.string().nullable(),
  /** Identifiers other systems store in Halo, which an organization's external id may name. */
  ref: z.string().nullable(),
  accountsId: z.string().nullable(),
  /** Its Microsoft tenants as of the last refresh. */
  tenants: z.array(haloClientTenantSchema),
});
export type HaloClientRecord = z.infer<typeof haloClientRecordSchema>;

/** What the picker shows of a client (the matcher's identifiers stay in the backend). */
export const haloOptionClientSchema = haloClientRecordSchema.omit({
  ref: true,
  accountsId: true,
  tenants: true,
});
export type HaloOptionClient = z.infer<typeof haloOptionClientSchema>;

export const optionsCacheInfoSchema = z.object({
  fetchedAt: z.string(),
  /** Seconds since the fetch, at the time of the answer: the screen shows it when offline. */
  ageSeconds: z.number(),
  clientCount: z.number().int(),
  generation: z.number().int(),
});
export type OptionsCacheInfo = z.infer<typeof optionsCacheInfoSchema>;

export const reconcileCountsSchema = z.object({
  total: z.number().int(),
  new: z.number().int(),
  renamed: z.number().int(),
  wentInactive: z.number().int(),
  reactivated: z.number().int(),
  gone: z.number().int(),
  unchanged: z.number().int(),
});
export type ReconcileCounts = z.infer<typeof reconcileCountsSchema>;

export const refreshResultSchema = z.object({
  cache: optionsCacheInfoSchema,
  clients: reconcileCountsSchema,
  topLevels: z.number().int(),
  /** Mapped rows (saved or draft) whose client is now inactive, renamed or gone: kept, marked Stale. */
  staleMappings: z.number().int(),
  /** Halo requests this refresh sent (token included). */
  requests: z.number().int(),
  /** Client rows Halo sent that could not be read (no usable id): left out of the cache, and said so. */
  unreadableClients: z.number().int().nonnegative(),
  /** Client names that were cleaned (control or invisible characters, or longer than 255 characters). */
  cleanedNames: z.number().int().nonnegative().default(0),
  /**
   * Microsoft tenants Halo holds for the clients (read with the client pages): how many clients have one,
   * and how many tenant records could not be read (no GUID tenant id) and were left out.
   */
  microsoftTenants: z
    .object({ clients: z.number().int().nonnegative(), unreadable: z.number().int().nonnegative() })
    .default({ clients: 0, unreadable: 0 }),
  /** The linked organization file, when one is linked: what re-reading it changed. */
  organizations: organizationImportResultSchema.nullable(),
});
export type RefreshResult = z.infer<typeof refreshResultSchema>;

// ---------------------------------------------------------------------------------------------------
// Mappings

export const mappingStatusSchema = z.enum([
  'unmapped',
  'suggested',
  'mapped',
  'conflict',
  'stale',
  'excluded',
  'changed',
]);
export type MappingStatus = z.infer<typeof mappingStatusSchema>;

export const matchSignalSchema = z.enum([
  'id',
  'tenant',
  'domain',
  'exact',
  'normalised',
  'fuzzy',
  'none',
  'manual',
  'import',
]);
/** The signals the matcher itself produces (manual and import come from the user). */
export const suggestSignalSchema = matchSignalSchema.exclude(['manual', 'import']);

/** What one organization maps to in one instance (in the draft or as saved). */
export const mappingValueSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('unmapped') }),
  z.object({ state: z.literal('excluded') }),
  z.object({
    state: z.literal('mapped'),
    clientId: z.number().int(),
    /** The client's name when it was mapped: kept when the client is renamed or disappears. */
    clientName: z.string(),
    signal: matchSignalSchema.nullable(),
    score: z.number().nullable(),
  }),
]);
export type MappingValue = z.infer<typeof mappingValueSchema>;

export const scoredClientSchema = z.object({
  clientId: z.number().int(),
  name: z.string(),
  score: z.number(),
});

export const suggestionSchema = z.object({
  clientId: z.number().int().nullable(),
  clientName: z.string().nullable(),
  score: z.number(),
  signal: matchSignalSchema,
  reason: z.string(),
  ambiguous: z.boolean(),
  runnerUp: scoredClientSchema.nullable(),
  candidates: z.array(scoredClientSchema),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

/** Why a mapped row is Stale: its client went inactive, was renamed, or is gone from Halo. */
export const staleReasonSchema = z.enum(['inactive', 'renamed', 'gone']);
export type StaleReason = z.infer<typeof staleReasonSchema>;

export const mappingRowSchema = z.object({
  organization: organizationSchema,
  status: mappingStatusSchema,
  /** The draft differs from what is saved (also true for Conflict rows that are unsaved changes). */
  changed: z.boolean(),
  draft: mappingValueSchema,
  saved: mappingValueSchema,
  suggestion: suggestionSchema.nullable(),
  /** The draft's client as the latest refresh saw it; null when not mapped or not in the cache. */
  client: haloOptionClientSchema.nullable(),
  /** Why the row is Stale or Conflict, in words (null otherwise). */
  problem: z.string().nullable(),
  staleReason: staleReasonSchema.nullable(),
  /** Other instances where this organization is mapped (saved). */
  alsoMappedIn: z.array(
    z.object({
      instanceId: instanceIdSchema,
      instanceName: z.string(),
      clientId: z.number().int(),
      clientName: z.string(),
    }),
  ),
});
export type MappingRow = z.infer<typeof mappingRowSchema>;

export const mappingSummarySchema = z.object({
  instanceId: instanceIdSchema,
  counts: z.record(mappingStatusSchema, z.number().int()),
  total: z.number().int(),
  unsavedChanges: z.boolean(),
  /** Rows whose draft differs from what is saved. */
  changeCount: z.number().int(),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  undoLabel: z.string().nullable(),
  redoLabel: z.string().nullable(),
  saved: z.object({ generation: z.number().int(), savedAt: z.string().nullable(), count: z.number().int() }),
  /** The cached Halo options, or null before the first refresh. */
  options: optionsCacheInfoSchema.nullable(),
});
export type MappingSummary = z.infer<typeof mappingSummarySchema>;

/** What an edit, undo, redo, discard, suggest or import answers: the rows it touched and the new summary. */
export const mappingUpdateSchema = z.object({
  summary: mappingSummarySchema,
  rows: z.array(mappingRowSchema),
});
export type MappingUpdate = z.infer<typeof mappingUpdateSchema>;

export const mappingEditSchema = z.discriminatedUnion('action', [
  /** Map to a client by hand (a hand-made choice; remembered as an accepted pair). */
  z.object({
    organizationId: organizationIdSchema,
    action: z.literal('set'),
    clientId: haloClientIdSchema,
    /** Only needed for a client that is not in the cache. */
    clientName: z.string().max(500).optional(),
  }),
  /** Leave unmapped. */
  z.object({ organizationId: organizationIdSchema, action: z.literal('clear') }),
  z.object({ organizationId: organizationIdSchema, action: z.literal('exclude') }),
  /** Undo an exclusion: the row becomes Unmapped. */
  z.object({ organizationId: organizationIdSchema, action: z.literal('include') }),
  /** Accept the row's suggestion, or on a Stale row take the client's current name as the snapshot. */
  z.object({ organizationId: organizationIdSchema, action: z.literal('accept') }),
  /** Reject the row's suggestion: that pair is never suggested again. */
  z.object({ organizationId: organizationIdSchema, action: z.literal('reject') }),
  /** Back to what is saved. */
  z.object({ organizationId: organizationIdSchema, action: z.literal('revert') }),
]);
export type MappingEdit = z.infer<typeof mappingEditSchema>;

export const diffEntrySchema = z.object({
  organizationId: organizationIdSchema,
  organizationName: z.string(),
  before: mappingValueSchema,
  after: mappingValueSchema,
});
export type DiffEntry = z.infer<typeof diffEntrySchema>;

export const mappingDiffSchema = z.object({
  /** Unmapped when saved, mapped or excluded in the draft. */
  added: z.array(diffEntrySchema),
  /** Mapped or excluded on both sides, differently. */
  changed: z.array(diffEntrySchema),
  /** Mapped or excluded when saved, unmapped in the draft. */
  removed: z.array(diffEntrySchema),
  /** Rows in Conflict: Save refuses while there are any. */
  conflicts: z.number().int(),
});
export type MappingDiff = z.infer<typeof mappingDiffSchema>;

/** How many rows each matcher outcome produced; every row is counted exactly once. */
export const suggestOutcomeCountsSchema = z.object({
  id: z.number().int(),
  tenant: z.number().int(),
  domain: z.number().int(),
  exact: z.number().int(),
  normalised: z.number().int(),
  fuzzy: z.number().int(),
  ambiguous: z.number().int(),
  none: z.number().int(),
});

export const suggestCountsSchema = z.object({
  /** Empty, non-excluded rows the run considered. */
  considered: z.number().int(),
  /** Rows that now carry a suggestion. */
  suggested: z.number().int(),
  /** Rows left alone because they are mapped, changed or excluded. */
  skipped: z.number().int(),
  ...suggestOutcomeCountsSchema.shape,
  durationMs: z.number(),
});
export type SuggestCounts = z.infer<typeof suggestCountsSchema>;

const instanceRequest = z.object({ instanceId: instanceIdSchema }).strict();

export const mappingChannels = {
  'organizations:list': {
    request: z.object({}).strict(),
    response: z.object({
      organizations: z.array(organizationSchema),
      source: organizationSourceSchema.nullable(),
    }),
  },
  /** Adds an organization (no id) or edits one (with id). Names are unique, case-insensitively. */
  'organizations:upsert': {
    request: z
      .object({
        id: organizationIdSchema.optional(),
        name: z.string().trim().min(1).max(300),
        domain: z.string().trim().max(300).nullable().optional(),
        externalId: z.string().trim().max(300).nullable().optional(),
        /** A GUID (braces and case do not matter); empty or null clears it, absent keeps it. */
        microsoftTenantId: z.string().trim().max(100).nullable().optional(),
      })
      .strict(),
    response: organizationSchema,
  },
  /**
   * Removes organizations. Refused with `conflict` when any is mapped (saved or draft) in some instance,
   * unless `force`: then its mappings go with it.
   */
  'organizations:remove': {
    request: z
      .object({ ids: z.array(organizationIdSchema).min(1).max(100_000), force: z.boolean().optional() })
      .strict(),
    response: z.object({ removed: z.number().int() }),
  },
  /**
   * Merges a CSV or JSON file into the directory (by external id, else by name). A broken file is refused
   * whole: `invalid-request` with `details.problems` = [{ line, reason }].
   */
  'organizations:import': {
    request: z
      .object({ format: importFormatSchema, ...fileContentShape })
      .strict()
      .refine(exactlyOneContent, exactlyOneContentMessage),
    response: organizationImportResultSchema,
  },
  /**
   * Links the directory to a file that Refresh Options re-reads (read once now), or unlinks it. The
   * file is chosen in the main process's own open-file dialog: the page never names a path, so a
   * compromised page cannot make the app read an arbitrary file.
   */
  'organizations:linkSource': {
    request: z.object({ action: z.enum(['choose', 'unlink']) }).strict(),
    response: z.object({
      source: organizationSourceSchema.nullable(),
      imported: organizationImportResultSchema.nullable(),
    }),
  },
  /**
   * Re-reads the linked organization file and every Halo client (active and inactive) with its top level;
   * progress arrives as `options:progress` events. The cache is replaced in one transaction only after
   * the whole read succeeded: a failed or cancelled refresh leaves the previous cache whole.
   */
  'options:refresh': { request: instanceRequest, response: refreshResultSchema },
  'options:cancel': { request: instanceRequest, response: z.object({ cancelled: z.boolean() }) },
  'options:get': {
    request: instanceRequest,
    response: z.object({
      cache: optionsCacheInfoSchema.nullable(),
      clients: z.array(haloOptionClientSchema),
      topLevels: z.array(z.object({ id: z.number().int(), name: z.string() })),
      refreshing: z.boolean(),
    }),
  },
  'mappings:get': {
    request: instanceRequest,
    response: z.object({ summary: mappingSummarySchema, rows: z.array(mappingRowSchema) }),
  },
  /** One or many edits: one undo step (a bulk accept is one call). */
  'mappings:edit': {
    request: z
      .object({
        instanceId: instanceIdSchema,
        edits: z.array(mappingEditSchema).min(1).max(200_000),
        /** What undo will say, e.g. "Accept 212 suggestions". */
        label: z.string().max(200).optional(),
      })
      .strict(),
    response: mappingUpdateSchema,
  },
  /** Suggests clients for empty, non-excluded rows, off the main thread; one undo step. */
  'mappings:suggest': {
    request: z
      .object({
        instanceId: instanceIdSchema,
        threshold: z.number().min(0).max(1).optional(),
        margin: z.number().min(0).max(1).optional(),
      })
      .strict(),
    response: mappingUpdateSchema.extend({ counts: suggestCountsSchema }),
  },
  'mappings:cancelSuggest': { request: instanceRequest, response: z.object({ cancelled: z.boolean() }) },
  'mappings:undo': { request: instanceRequest, response: mappingUpdateSchema },
  'mappings:redo': { request: instanceRequest, response: mappingUpdateSchema },
  /** Puts the draft back to what is saved; itself one undo step. */
  'mappings:discard': { request: instanceRequest, response: mappingUpdateSchema },
  'mappings:diff': { request: instanceRequest, response: mappingDiffSchema },
  /** Applies the draft's diff to the saved mappings in one transaction. Refused while rows are in Conflict. */
  'mappings:save': {
    request: instanceRequest,
    response: z.object({
      generation: z.number().int(),
      savedAt: z.string(),
      added: z.number().int(),
      changed: z.number().int(),
      removed: z.number().int(),
      summary: mappingSummarySchema,
    }),
  },
  'mappings:export': {
    request: z
      .object({
        instanceId: instanceIdSchema,
        format: importFormatSchema,
        /** Default 'saved'. */
        source: exportSourceSchema.optional(),
      })
      .strict(),
    response: z.object({ content: z.string(), fileName: z.string(), rows: z.number().int() }),
  },
  /** Validates the whole file, then puts it into the draft as one undo step. */
  'mappings:import': {
    request: z
      .object({ instanceId: instanceIdSchema, format: importFormatSchema, ...fileContentShape })
      .strict()
      .refine(exactlyOneContent, exactlyOneContentMessage),
    response: mappingUpdateSchema.extend({ imported: z.number().int() }),
  },
} as const;

/** Events pushed while Refresh Options runs. */
export const optionsProgressEventSchema = z.object({
  type: z.literal('options:progress'),
  instanceId: instanceIdSchema,
  phase: z.enum(['organizations', 'clients', 'top-levels', 'saving', 'done']),
  page: z.number().int(),
  pagesEstimated: z.number().int().nullable(),
  rowsSoFar: z.number().int(),
  recordCount: z.number().int().nullable(),
  /** While waiting (pacing or Halo's rate limit): seconds left, counting down once a second. */
  waitingSeconds: z.number().int().nullable(),
  /**
   * Set while a wait runs that is shorter than Halo's Retry-After asked for (waits are capped): what Halo
   * asked for and the whole capped wait, both in seconds, so the screen can say the wait was capped.
   */
  cappedWait: z
    .object({ requestedSeconds: z.number().int().positive(), waitSeconds: z.number().int().nonnegative() })
    .optional(),
});
export type OptionsProgressEvent = z.infer<typeof optionsProgressEventSchema>;

/** Events pushed while Suggest runs (start and end; the matcher itself is too quick for more). */
export const suggestProgressEventSchema = z.object({
  type: z.literal('mappings:suggest-progress'),
  instanceId: instanceIdSchema,
  phase: z.enum(['started', 'finished', 'cancelled', 'failed']),
});
export type SuggestProgressEvent = z.infer<typeof suggestProgressEventSchema>;
