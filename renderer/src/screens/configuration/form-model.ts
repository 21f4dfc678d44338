import type { ConfigurationField, ConfigurationInput } from '../../../../shared/configuration-rules';
import type { ConfigurationView } from '../../../../shared/ipc';
import type { ApiError } from '../../api';

/**
 * The configuration form's values. The client secret is not among them: it is write-only and lives
 * in its own state (see SecretField), so it can never be filled from what the backend returns.
 */
export interface FormValues {
  resourceServer: string;
  clientId: string;
  tenant: string;
  authServer: string;
  isOnPremise: boolean;
  caCertificatePem: string;
}

export type TextField = Exclude<keyof FormValues, 'isOnPremise'>;

export const EMPTY_VALUES: FormValues = {
  resourceServer: '',
  clientId: '',
  tenant: '',
  authServer: '',
  isOnPremise: false,
  caCertificatePem: '',
};

export function valuesFromView(view: ConfigurationView | null): FormValues {
  if (!view) return EMPTY_VALUES;
  return {
    resourceServer: view.resourceServer,
    clientId: view.clientId,
    tenant: view.tenant,
    authServer: view.authServer,
    isOnPremise: view.isOnPremise,
    caCertificatePem: view.caCertificatePem,
  };
}

export function sameValues(a: FormValues, b: FormValues): boolean {
  return (
    a.resourceServer === b.resourceServer &&
    a.clientId === b.clientId &&
    a.tenant === b.tenant &&
    a.authServer === b.authServer &&
    a.isOnPremise === b.isOnPremise &&
    a.caCertificatePem === b.caCertificatePem
  );
}

/** What config:save receives; a blank secret means "keep the stored one", so it is left out. */
export function toInput(values: FormValues, secret: string): ConfigurationInput {
  const input: ConfigurationInput = { ...values };
  if (secret.trim() !== '') input.clientSecret = secret;
  return input;
}

export type FieldMessages = Partial<Record<ConfigurationField, string>>;

const FIELDS: readonly ConfigurationField[] = [
  'resourceServer',
  'clientId',
  'tenant',
  'authServer',
  'caCertificatePem',
  'clientSecret',
];

/**
 * Field errors from a refused save: 'invalid-configuration' carries them keyed by field; a request the
 * contract refused ('invalid-request') names the field in each issue's path ("configuration.tenant").
 */
export function fieldErrorsOf(error: ApiError): FieldMessages {
  const out: FieldMessages = {};
  for (const [field, message] of Object.entries(error.fieldErrors)) {
    if (isField(field)) out[field] = message;
  }
  const { data } = error;
  const issues = data.code === 'invalid-request' ? (data.details.issues ?? []) : [];
  for (const { path, message } of issues) {
    const field = path.replace(/^configuration\./, '');
    if (isField(field) && !out[field]) out[field] = message;
  }
  return out;
}

function isField(name: string): name is ConfigurationField {
  return (FIELDS as readonly string[]).includes(name);
}
