import { z } from 'zod';
import { instanceIdSchema } from './domain';

/**
 * What an instance holds besides its configuration and secret, so the delete dialog can name what else
 * goes with it. Spread into `channels` in shared/ipc.ts.
 */
export const instanceHoldingsSchema = z.object({
  /** Saved mappings (mapped or excluded on purpose). */
  savedMappings: z.number().int(),
  /** Rows whose draft differs from what is saved (unsaved changes). */
  draftChanges: z.number().int(),
  /** Halo clients cached by Refresh Options. */
  cachedClients: z.number().int(),
  /** Whether a validation result is stored (the last one; shown on the Connection screen). */
  hasValidation: z.boolean(),
});
export type InstanceHoldings = z.infer<typeof instanceHoldingsSchema>;

export const instanceImpactChannels = {
  'instances:holdings': {
    request: z.object({ id: instanceIdSchema }).strict(),
    response: instanceHoldingsSchema,
  },
} as const;
