import type { HaloConfiguration } from '../domain';
import { normaliseCaCertificatePem } from './ca-certificate';
import { normaliseClientId } from './client-id';
import { normaliseClientSecret } from './client-secret';
import type { FieldResult } from './field-result';
import { isHaloHostedHost, tenantHint } from './halo-hosts';
import type { ConfigurationField, ConfigurationInput } from './input-schema';
import { hostOfServer, normaliseAuthServer, normaliseResourceServer } from './servers';
import { normaliseTenant } from './tenant';

/** One message per field that must change before the configuration can be saved. */
export type FieldErrors = Partial<Record<ConfigurationField, string>>;
/** Things worth knowing that do not block saving ("Removed /api: the app adds it itself."). */
export type FieldNotes = Partial<Record<ConfigurationField, string>>;
/** Suggested values the form may offer; tenant: the first label of a hosted resource server. */
export interface FieldHints {
  tenant?: string;
}
/**
 * The cleaned-up text of every field that passed its own check, so the form can show it (on blur,
 * say) even while other fields still have errors. Never includes the client secret.
 */
export type NormalisedFields = Partial<Record<Exclude<ConfigurationField, 'clientSecret'>, string>>;

export interface ConfigurationContext {
  /**
   * Whether a client secret is already stored for this instance. When false, an empty secret is an
   * error; when unknown (undefined), an empty secret simply means "keep the stored one".
   */
  hasStoredSecret?: boolean;
}

export type ConfigurationValidation =
  | {
      ok: true;
      value: HaloConfiguration;
      /** The new secret to store, or null to keep the stored one. */
      clientSecret: string | null;
      normalised: NormalisedFields;
      notes: FieldNotes;
      hints: FieldHints;
    }
  | { ok: false; errors: FieldErrors; normalised: NormalisedFields; notes: FieldNotes; hints: FieldHints };

/**
 * All rules for one configuration: each field on its own, then the rules that compare fields. The
 * renderer runs it for instant feedback, the main process again before saving; both get the same
 * answer because this module uses nothing but the language and `URL`.
 */
export function validateConfiguration(
  input: ConfigurationInput,
  context: ConfigurationContext = {},
): ConfigurationValidation {
  const { isOnPremise } = input;
  const errors: FieldErrors = {};
  const notes: FieldNotes = {};
  const hints: FieldHints = {};
  const normalised: NormalisedFields = {};
  const addNote = (field: ConfigurationField, note: string) => {
    const existing = notes[field];
    notes[field] = existing ? `${existing} ${note}` : note;
  };
  function take<T>(field: ConfigurationField, result: FieldResult<T>): T | undefined {
    if (!result.ok) {
      errors[field] = result.message;
      return undefined;
    }
    if (result.note) addNote(field, result.note);
    if (field !== 'clientSecret' && typeof result.value === 'string') normalised[field] = result.value;
    return result.value;
  }

  const resourceServer = take(
    'resourceServer',
    normaliseResourceServer(input.resourceServer, { isOnPremise }),
  );
  const authServer = take('authServer', normaliseAuthServer(input.authServer, { isOnPremise }));
  const clientId = take('clientId', normaliseClientId(input.clientId));
  const tenant = take('tenant', normaliseTenant(input.tenant, { isOnPremise }));
  const caCertificatePem = take(
    'caCertificatePem',
    normaliseCaCertificatePem(input.caCertificatePem, { isOnPremise }),
  );
  const clientSecret = take('clientSecret', normaliseClientSecret(input.clientSecret));

  const hint = !isOnPremise && resourceServer !== undefined ? tenantHint(resourceServer) : null;
  if (hint) hints.tenant = hint;

  if (
    !isOnPremise &&
    tenant === '' &&
    resourceServer !== undefined &&
    authServer &&
    needsTenant(authServer, resourceServer)
  ) {
    const suggestion = hint ? ` (probably ${hint})` : '';
    errors.tenant = `${hostOfServer(authServer)} signs in many Halo instances, so it needs your Tenant ID${suggestion}. Halo shows it on its API Details page.`;
  }
  if (tenant && hint && tenant !== hint) {
    addNote(
      'tenant',
      `Halo-hosted tenants usually match the first part of the host name (${hint}); check the Tenant on Halo's API Details page.`,
    );
  }

  if (clientSecret && clientId !== undefined) {
    const secretAsId = normaliseClientId(clientSecret);
    if (secretAsId.ok && secretAsId.value === clientId) {
      errors.clientSecret =
        "That is the Client ID again. Paste the application's Client Secret here; if Halo no longer shows it, generate a new one there.";
    }
  }
  if (clientSecret === null && context.hasStoredSecret === false) {
    errors.clientSecret =
      'Enter the Client Secret. Halo shows it only once, when the application is created; if you no longer have it, generate a new one in the application.';
  }

  if (
    Object.keys(errors).length > 0 ||
    resourceServer === undefined ||
    authServer === undefined ||
    clientId === undefined ||
    tenant === undefined ||
    caCertificatePem === undefined ||
    clientSecret === undefined
  ) {
    return { ok: false, errors, normalised, notes, hints };
  }
  return {
    ok: true,
    value: { resourceServer, clientId, tenant, authServer, isOnPremise, caCertificatePem },
    clientSecret,
    normalised,
    notes,
    hints,
  };
}

/**
 * A shared Halo authorisation server (auth.haloservicedesk.com, uk-trial.halopsa.com: a hosted host
 * other than the resource server) serves many instances and needs ?tenant= to know which one
 * (halo-api.md §1: "tenant required").
 */
function needsTenant(authServer: string, resourceServer: string): boolean {
  const authHost = hostOfServer(authServer);
  return authHost !== hostOfServer(resourceServer) && isHaloHostedHost(authHost);
}

/** What one field needs to show after blur: its error, note, hint and cleaned-up text. */
export interface FieldCheck {
  error?: string;
  note?: string;
  hint?: string;
  /** The cleaned-up text to put back in the field; absent when the field has an error (or is the secret). */
  normalised?: string;
}

/**
 * Checks the whole form and reports one field, so cross-field rules (a shared auth server needs a
 * tenant; the secret is not the Client ID) show up on blur too.
 */
export function checkConfigurationField(
  field: ConfigurationField,
  input: ConfigurationInput,
  context: ConfigurationContext = {},
): FieldCheck {
  const result = validateConfiguration(input, context);
  const check: FieldCheck = {};
  const error = result.ok ? undefined : result.errors[field];
  if (error !== undefined) check.error = error;
  const note = result.notes[field];
  if (note !== undefined) check.note = note;
  if (field === 'tenant' && result.hints.tenant !== undefined) check.hint = result.hints.tenant;
  if (field !== 'clientSecret' && error === undefined) {
    const value = result.normalised[field];
    if (value !== undefined) check.normalised = value;
  }
  return check;
}
