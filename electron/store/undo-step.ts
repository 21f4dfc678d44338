import { z } from 'zod';
import { mappingValueSchema, suggestionSchema } from '../../shared/mapping-contract';

export const decisionSchema = z.enum(['accepted', 'rejected']);
export type Decision = z.infer<typeof decisionSchema>;

/**
 * One row's part of an undo step, as `mapping_history.changes_json` stores it: [before, after] of the
 * row's draft (d), suggestion (s) and decided pairs (k: [clientId, before, after]). The keys are one
 * letter because a bulk accept over 10,000 rows stores 10,000 of these in one step.
 */
export const rowChangeSchema = z.object({
  o: z.string(),
  d: z.tuple([mappingValueSchema, mappingValueSchema]).optional(),
  s: z.tuple([suggestionSchema.nullable(), suggestionSchema.nullable()]).optional(),
  k: z.array(z.tuple([z.number().int(), decisionSchema.nullable(), decisionSchema.nullable()])).optional(),
});
export type RowChange = z.infer<typeof rowChangeSchema>;

export const undoStepChangesSchema = z.array(rowChangeSchema);
