import { z } from 'zod';
import { appErrorSchema } from './app-errors';
import { instanceIdSchema } from './domain';
import { optionsProgressEventSchema, refreshResultSchema } from './mapping-contract';

/**
 * Running work outlives the screen that started it: the backend keeps each instance's Refresh Options
 * (its latest progress while it runs, its outcome once it ends) so a screen that was away (another tab,
 * another instance) re-attaches to it instead of waiting for an answer that went to the old screen.
 * Spread into `channels` in shared/ipc.ts.
 */

/** How the last Refresh Options of an instance ended; `id` tells one run from the next. */
export const refreshOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({
    id: z.number().int(),
    finishedAt: z.string(),
    outcome: z.literal('done'),
    result: refreshResultSchema,
  }),
  z.object({
    id: z.number().int(),
    finishedAt: z.string(),
    outcome: z.literal('failed'),
    /** The error as the refresh call itself answered it (`{ message, details }` of the app error). */
    error: appErrorSchema,
  }),
  z.object({ id: z.number().int(), finishedAt: z.string(), outcome: z.literal('cancelled') }),
]);
export type RefreshOutcome = z.infer<typeof refreshOutcomeSchema>;

export const refreshStatusSchema = z.object({
  running: z.boolean(),
  /** The latest progress of the running refresh; null when none runs or it has not reported yet. */
  progress: optionsProgressEventSchema.nullable(),
  /** The last refresh that ended since the app started; null when none has. */
  last: refreshOutcomeSchema.nullable(),
});
export type RefreshStatus = z.infer<typeof refreshStatusSchema>;

export const refreshStatusChannels = {
  /**
   * Where the instance's Refresh Options stands. With `wait`, a running refresh is awaited first, so the
   * answer carries its outcome (a screen that re-attached uses this in place of the lost reply).
   */
  'options:status': {
    request: z.object({ instanceId: instanceIdSchema, wait: z.boolean().optional() }).strict(),
    response: refreshStatusSchema,
  },
} as const;
