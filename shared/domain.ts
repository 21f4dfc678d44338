import { z } from 'zod';

/**
 * Domain schemas shared by main, preload and renderer. Types are inferred from the schemas so the
 * three sides cannot drift.
 */

export const instanceIdSchema = z.uuid();
export type InstanceId = z.infer<typeof instanceIdSchema>;

export const instanceNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the instance a name, for example "Production".')
  .max(80, 'Keep the name under 80 characters.')
  // One line of plain text: a line break, a control character, a bidi override (which can make the name
  // read backwards in the list) or an invisible zero-width character (\p{Cf}) is never meant.
  .refine((name) => !/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(name), {
    message:
      'Keep the name on one line of plain text: it contains a line break, a control character or an invisible formatting character.',
  });

/** The last validation outcome in one word, for the instance list. */
export const validationStatusSchema = z.enum(['never', 'ok', 'warning', 'failed']);
export type ValidationStatus = z.infer<typeof validationStatusSchema>;

export const instanceSummarySchema = z.object({
  id: instanceIdSchema,
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Normalised resource server host, or null when not configured yet. */
  resourceServer: z.string().nullable(),
  hasClientSecret: z.boolean(),
  lastValidation: z
    .object({ status: validationStatusSchema, at: z.string(), summary: z.string() })
    .nullable(),
});
export type InstanceSummary = z.infer<typeof instanceSummarySchema>;

/**
 * A saved configuration, as the Halo client consumes it. Hostnames are already normalised by the
 * rules in shared/configuration-rules.ts: lowercase host, optional `:port`, no scheme, no path.
 * The client secret is never part of this object: it lives in the keychain.
 */
export const haloConfigurationSchema = z.object({
  /** e.g. "acme.halopsa.com" or "support.example.com:8443" */
  resourceServer: z.string().min(1),
  /** GUID, lowercase. */
  clientId: z.string().min(1),
  /** Empty string means "no tenant": never send `?tenant=` then. */
  tenant: z.string(),
  /**
   * Auth base without scheme: "host[:port][/path]", e.g. "auth.haloservicedesk.com",
   * "uk-trial.halopsa.com" or "acme.halopsa.com/auth". Empty string means "not different":
   * discover it (`/api/authinfo`) or fall back to `{resourceServer}/auth`. The token URL is
   * `https://{authServer}/token`, except that a bare host equal to the resource server means
   * `{host}/auth`.
   */
  authServer: z.string(),
  isOnPremise: z.boolean(),
  /** PEM bundle of a private CA for on-premise servers; empty when the public roots suffice. */
  caCertificatePem: z.string(),
});
export type HaloConfiguration = z.infer<typeof haloConfigurationSchema>;
