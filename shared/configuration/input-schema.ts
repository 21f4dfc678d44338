import { z } from 'zod';

/**
 * What the configuration form sends, before any rule runs. The caps only stop absurd payloads at the
 * IPC boundary; the rules refuse far shorter values with messages a technician can act on.
 */
export const configurationInputSchema = z.object({
  resourceServer: z.string().max(2048, 'The Resource Server is far too long.'),
  clientId: z.string().max(256, 'The Client ID is far too long.'),
  tenant: z.string().max(256, 'The Tenant ID is far too long.'),
  authServer: z.string().max(2048, 'The Authorisation Server is far too long.'),
  isOnPremise: z.boolean(),
  caCertificatePem: z.string().max(1_000_000, 'The CA certificate text is far too long (over 1 MB).'),
  /** Write-only: absent or blank means "keep the stored secret". */
  clientSecret: z.string().max(4096, 'The Client Secret is far too long.').optional(),
});
export type ConfigurationInput = z.infer<typeof configurationInputSchema>;

export const configurationFieldSchema = z.enum([
  'resourceServer',
  'clientId',
  'tenant',
  'authServer',
  'caCertificatePem',
  'clientSecret',
]);
export type ConfigurationField = z.infer<typeof configurationFieldSchema>;
