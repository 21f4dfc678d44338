/**
 * Configuration validation rules, shared by the renderer (instant feedback) and the Electron main
 * process (authoritative). Pure TypeScript and zod: no Node or DOM APIs beyond `URL` and `atob`, which
 * both sides have. One module per field lives in shared/configuration/.
 */
export { normaliseCaCertificatePem } from './configuration/ca-certificate';
export { normaliseClientId } from './configuration/client-id';
export { normaliseClientSecret } from './configuration/client-secret';
export type { FieldResult } from './configuration/field-result';
export {
  HALO_HOSTED_DOMAINS,
  haloHostedDomainOf,
  isHaloHostedHost,
  isHaloSharedHost,
  tenantHint,
} from './configuration/halo-hosts';
export { type HostnameOptions, normaliseHostname } from './configuration/hostname';
export {
  type ConfigurationField,
  type ConfigurationInput,
  configurationFieldSchema,
  configurationInputSchema,
} from './configuration/input-schema';
export {
  changedSecretBoundFields,
  REENTER_SECRET_MESSAGE,
  SECRET_BOUND_FIELDS,
  type SecretBoundField,
} from './configuration/secret-binding';
export { hostOfServer, normaliseAuthServer, normaliseResourceServer } from './configuration/servers';
export { normaliseTenant } from './configuration/tenant';
export {
  type ConfigurationContext,
  type ConfigurationValidation,
  checkConfigurationField,
  type FieldCheck,
  type FieldErrors,
  type FieldHints,
  type FieldNotes,
  type NormalisedFields,
  validateConfiguration,
} from './configuration/validate-configuration';
