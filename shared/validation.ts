import { z } from 'zod';
import { haloErrorInfoSchema } from './halo-errors';

/**
 * The outcome of validating a configuration against Halo: three cheap requests (token, Agent/me, one
 * page of clients), each reported with its status, time and evidence.
 */
export const validationStepIdSchema = z.enum(['token', 'agent', 'customers']);
export type ValidationStepId = z.infer<typeof validationStepIdSchema>;

export const validationStepStatusSchema = z.enum([
  'pending',
  'running',
  'ok',
  'warning',
  'failed',
  'skipped',
]);
export type ValidationStepStatus = z.infer<typeof validationStepStatusSchema>;

export const validationStepSchema = z.object({
  id: validationStepIdSchema,
  /** e.g. "Get an access token" */
  label: z.string(),
  status: validationStepStatusSchema,
  durationMs: z.number().nonnegative().nullable(),
  /** e.g. "Signed in as agent 'Rewst API' (id 7)", "Can see 412 customers". Empty when none. */
  evidence: z.string(),
  error: haloErrorInfoSchema.nullable(),
});
export type ValidationStep = z.infer<typeof validationStepSchema>;

export const validationWarningSchema = z.object({
  code: z.enum(['no-customers', 'agent-disabled', 'not-api-agent', 'client-id-may-have-changed']),
  message: z.string(),
});
export type ValidationWarning = z.infer<typeof validationWarningSchema>;

export const haloAgentFactsSchema = z.object({
  id: z.number(),
  name: z.string(),
  email: z.string().nullable(),
  isDisabled: z.boolean(),
  isApiAgent: z.boolean().nullable(),
  teams: z.array(z.object({ id: z.number().nullable(), name: z.string() })),
});
export type HaloAgentFacts = z.infer<typeof haloAgentFactsSchema>;

export const validationResultSchema = z.object({
  status: z.enum(['ok', 'warning', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string(),
  /** The URLs actually used (no secrets): what discovery decided. */
  endpoints: z.object({ tokenUrl: z.string().nullable(), apiBase: z.string() }),
  steps: z.array(validationStepSchema),
  warnings: z.array(validationWarningSchema),
  facts: z.object({
    tokenScope: z.string().nullable(),
    agent: haloAgentFactsSchema.nullable(),
    customerCount: z.number().nullable(),
  }),
});
export type ValidationResult = z.infer<typeof validationResultSchema>;
