import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { SwitchButton, SwitchField, Text } from 'react-aria-components';
import {
  type ConfigurationField,
  changedSecretBoundFields,
  checkConfigurationField,
  REENTER_SECRET_MESSAGE,
  tenantHint,
} from '../../../../shared/configuration-rules';
import type { ConfigurationView } from '../../../../shared/ipc';
import { ApiError, api } from '../../api';
import { AppButton } from '../../components/AppButton';
import { FormField } from '../../components/FormField';
import { ErrorCircleIcon } from '../../components/Icons';
import { messageOf } from '../../lib/errors';
import { reportUnsaved } from '../../lib/unsaved-work';
import { CaCertificateField } from './CaCertificateField';
import { FIELD_HELP, SECTION_HELP } from './field-help';
import {
  type FieldMessages,
  type FormValues,
  fieldErrorsOf,
  sameValues,
  type TextField,
  toInput,
  valuesFromView,
} from './form-model';
import { SecretField } from './SecretField';
import { unsavedForms } from './unsaved-forms';
import './ConfigurationForm.css';

/** Fields whose check depends on Is On-Premise: re-checked when it flips. */
const ON_PREMISE_DEPENDENT: readonly TextField[] = [
  'resourceServer',
  'authServer',
  'tenant',
  'caCertificatePem',
];

/** "Removed /api: the app adds it itself." + the value that will be stored, for hostnames. */
function describeNormalisation(
  field: ConfigurationField,
  note: string | undefined,
  normalised: string | undefined,
  typed: string,
  saved: boolean,
): string | undefined {
  const showsValue =
    field === 'resourceServer' || field === 'authServer' || field === 'clientId' || field === 'tenant';
  const changed = normalised !== undefined && normalised !== typed && normalised !== '' && showsValue;
  const verb = saved ? 'saved as' : 'will be saved as';
  if (note && changed) return `${note.replace(/\.$/, '')} — ${verb} ${normalised}`;
  if (note) return note;
  if (changed) return `Tidied up “${typed.trim()}” — ${verb} ${normalised}`;
  return undefined;
}

/**
 * The six fields of a Halo configuration (plus the private CA when on-premise), checked on blur with
 * the shared rules for instant feedback. Saving goes through the backend, which runs the same rules
 * and is the authority: its field errors are shown inline, and what the user typed is kept on any
 * error. After a successful save the parent runs a validation.
 */
export function ConfigurationForm({
  instanceId,
  configuration,
  onSaved,
  prefill,
}: {
  instanceId: string;
  configuration: ConfigurationView | null;
  onSaved(view: ConfigurationView): void;
  /** Values typed elsewhere (the setup guide's stage B), shown as unsaved changes. */
  prefill?: { clientId?: string; clientSecret?: string } | undefined;
}) {
  const [stored, setStored] = useState<ConfigurationView | null>(configuration);
  const saved = useMemo(() => valuesFromView(stored), [stored]);
  // What was typed here before the technician looked elsewhere comes back first.
  const [remembered] = useState(() => unsavedForms.get(instanceId));
  const [values, setValues] = useState<FormValues>(
    () => remembered?.values ?? (prefill?.clientId ? { ...saved, clientId: prefill.clientId } : saved),
  );
  const [secret, setSecret] = useState(remembered?.secret ?? prefill?.clientSecret ?? '');
  const hasStoredSecret = stored?.hasClientSecret ?? false;
  const [replacingSecret, setReplacingSecret] = useState(
    remembered?.replacingSecret ?? (Boolean(prefill?.clientSecret) && hasStoredSecret),
  );
  const [errors, setErrors] = useState<FieldMessages>({});
  const [notes, setNotes] = useState<FieldMessages>({});
  const [touched, setTouched] = useState<ReadonlySet<ConfigurationField>>(new Set());
  const [formError, setFormError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [justSaved, setJustSaved] = useState(false);

  const dirty = !sameValues(values, saved) || secret.trim() !== '';
  // The stored secret belongs to the saved hosts, tenant and CA: once one of them is edited, saving
  // forgets it (the backend enforces this), so the form asks for the secret again before saving.
  const secretForgotten = hasStoredSecret && changedSecretBoundFields(saved, values).length > 0;
  const storedSecretUsable = hasStoredSecret && !secretForgotten;
  useEffect(() => {
    if (dirty) unsavedForms.set(instanceId, { values, secret, replacingSecret });
    else unsavedForms.delete(instanceId);
    reportUnsaved(instanceId, 'connection', dirty);
  }, [dirty, instanceId, values, secret, replacingSecret]);
  const context = { hasStoredSecret: storedSecretUsable };

  function setField(field: TextField, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
    setNotes((current) => ({ ...current, [field]: undefined }));
    setFormError(undefined);
    setJustSaved(false);
  }

  /** Runs the shared rules for one field and puts the cleaned-up text back, with a note saying why. */
  function check(field: ConfigurationField, current: FormValues = values, currentSecret = secret) {
    const result = checkConfigurationField(field, toInput(current, currentSecret), context);
    setTouched((set) => new Set(set).add(field));
    setErrors((existing) => ({ ...existing, [field]: result.error }));
    if (field === 'clientSecret') {
      setNotes((existing) => ({ ...existing, clientSecret: result.note }));
      return;
    }
    const typed = current[field];
    setNotes((existing) => ({
      ...existing,
      [field]: describeNormalisation(field, result.note, result.normalised, typed, false),
    }));
    if (result.normalised !== undefined && result.normalised !== typed) {
      const normalised = result.normalised;
      setValues((existing) => ({ ...existing, [field]: normalised }));
    }
  }

  function setOnPremise(isOnPremise: boolean) {
    const next = { ...values, isOnPremise };
    setValues(next);
    setFormError(undefined);
    setJustSaved(false);
    // The rules for hosts, tenant and CA change with this switch: re-check what was already looked at.
    const recheck = ON_PREMISE_DEPENDENT.filter(
      (field) => touched.has(field) || errors[field] || values[field] !== '',
    );
    const nextErrors: FieldMessages = { ...errors };
    for (const field of recheck) {
      nextErrors[field] = checkConfigurationField(field, toInput(next, secret), context).error;
    }
    setErrors(nextErrors);
  }

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (!dirty || saving) return;
    setFormError(undefined);
    // The one rule only the form can apply: the backend keeps a stored secret when none is sent, so
    // it cannot know that no secret exists at all for a first save.
    if (!storedSecretUsable && secret.trim() === '') {
      const result = checkConfigurationField('clientSecret', toInput(values, secret), context);
      const message = secretForgotten ? REENTER_SECRET_MESSAGE : (result.error ?? 'Enter the Client Secret.');
      setErrors((existing) => ({ ...existing, clientSecret: message }));
      setFormError('Not saved yet: the Client Secret is missing.');
      return;
    }
    setSaving(true);
    try {
      const response = await api.config.save({ instanceId, configuration: toInput(values, secret) });
      const view = response.configuration;
      const nextValues = valuesFromView(view);
      const nextNotes: FieldMessages = {};
      for (const [field, note] of Object.entries(response.notes)) {
        const key = field as ConfigurationField;
        const typed = key === 'clientSecret' ? '' : values[key as TextField];
        const normalised = key === 'clientSecret' ? undefined : nextValues[key as TextField];
        nextNotes[key] = describeNormalisation(key, note, normalised, typed, true);
      }
      setStored(view);
      setValues(nextValues);
      setSecret('');
      setReplacingSecret(false);
      setErrors({});
      setNotes(nextNotes);
      setJustSaved(true);
      onSaved(view);
    } catch (caught) {
      if (caught instanceof ApiError) {
        const fieldErrors = fieldErrorsOf(caught);
        const count = Object.keys(fieldErrors).length;
        if (count > 0) {
          setErrors(fieldErrors);
          setFormError(
            count === 1
              ? 'Not saved: one field needs a change (marked below).'
              : `Not saved: ${count} fields need a change (marked below).`,
          );
        } else {
          setFormError(`Not saved: ${caught.message}`);
        }
      } else {
        setFormError(`Not saved: ${messageOf(caught)}`);
      }
    } finally {
      setSaving(false);
    }
  }

  function discard() {
    setValues(saved);
    setSecret('');
    setReplacingSecret(false);
    setErrors({});
    setNotes({});
    setTouched(new Set());
    setFormError(undefined);
  }

  const hint = !values.isOnPremise && values.tenant.trim() === '' ? tenantHint(values.resourceServer) : null;
  const status = saving
    ? 'Saving…'
    : dirty
      ? stored
        ? 'Unsaved changes'
        : 'Not saved yet'
      : justSaved
        ? 'Saved'
        : stored
          ? 'All changes saved'
          : 'Nothing entered yet';

  return (
    <form className="card config-form" onSubmit={save} noValidate aria-label="Halo configuration">
      <section className="form-section" aria-labelledby="section-api">
        <div className="form-section__header">
          <h2 className="form-section__title" id="section-api">
            Halo API details
          </h2>
          <p className="form-section__help">{SECTION_HELP.api}</p>
        </div>
        <SwitchField className="switch-field" isSelected={values.isOnPremise} onChange={setOnPremise}>
          <SwitchButton className="switch">
            <span className="switch__track" aria-hidden="true">
              <span className="switch__thumb" />
            </span>
            <span className="switch__label">Is On-Premise</span>
          </SwitchButton>
          <Text slot="description" className="field__help">
            {FIELD_HELP.isOnPremise}
          </Text>
        </SwitchField>
        <FormField
          label="Resource Server Hostname"
          value={values.resourceServer}
          onChange={(value) => setField('resourceServer', value)}
          onBlur={() => check('resourceServer')}
          error={errors.resourceServer}
          note={notes.resourceServer}
          placeholder={values.isOnPremise ? 'halo.example.com' : 'acme.halopsa.com'}
          help={FIELD_HELP.resourceServer}
          name="resource-server"
        />
        <FormField
          label="Tenant ID"
          value={values.tenant}
          onChange={(value) => setField('tenant', value)}
          onBlur={() => check('tenant')}
          error={errors.tenant}
          note={notes.tenant}
          placeholder={values.isOnPremise ? 'None: on-premise Halo has no tenant' : (hint ?? 'acme')}
          isDisabled={values.isOnPremise && values.tenant === '' && !errors.tenant}
          help={FIELD_HELP.tenant}
          name="tenant"
        >
          {hint && !errors.tenant ? (
            <div className="field__aside tenant-hint">
              <span>
                Halo-hosted instances usually use the first part of the host name: <strong>{hint}</strong>.
              </span>
              <AppButton variant="quiet" size="small" onPress={() => setField('tenant', hint)}>
                Use “{hint}”
              </AppButton>
            </div>
          ) : null}
        </FormField>
        <FormField
          label="Auth Server Hostname"
          tag="Optional — if different"
          value={values.authServer}
          onChange={(value) => setField('authServer', value)}
          onBlur={() => check('authServer')}
          error={errors.authServer}
          note={notes.authServer}
          placeholder="Same as the Resource Server"
          help={FIELD_HELP.authServer}
          name="auth-server"
        />
        {values.isOnPremise ? (
          <CaCertificateField
            value={values.caCertificatePem}
            onChange={(value) => setField('caCertificatePem', value)}
            onBlur={(text) =>
              check('caCertificatePem', text === undefined ? values : { ...values, caCertificatePem: text })
            }
            error={errors.caCertificatePem}
            note={notes.caCertificatePem}
          />
        ) : null}
      </section>

      <section className="form-section" aria-labelledby="section-application">
        <div className="form-section__header">
          <h2 className="form-section__title" id="section-application">
            API application
          </h2>
          <p className="form-section__help">{SECTION_HELP.application}</p>
        </div>
        <FormField
          label="Client ID"
          value={values.clientId}
          onChange={(value) => setField('clientId', value)}
          onBlur={() => check('clientId')}
          error={errors.clientId}
          note={notes.clientId}
          placeholder="8f4c2a1e-0b7d-4e59-9a3c-2d6f1b8e4a70"
          help={FIELD_HELP.clientId}
          monospace
          name="client-id"
        />
        <SecretField
          hasStoredSecret={storedSecretUsable}
          isReplacing={replacingSecret}
          onReplace={() => setReplacingSecret(true)}
          onKeep={() => {
            setReplacingSecret(false);
            setSecret('');
            setErrors((existing) => ({ ...existing, clientSecret: undefined }));
            setNotes((existing) => ({ ...existing, clientSecret: undefined }));
          }}
          value={secret}
          onChange={(value) => {
            setSecret(value);
            setErrors((existing) => ({ ...existing, clientSecret: undefined }));
            setFormError(undefined);
            setJustSaved(false);
          }}
          onBlur={() => {
            if (secret !== '') check('clientSecret');
          }}
          error={errors.clientSecret}
          note={
            notes.clientSecret ??
            (secretForgotten && !errors.clientSecret ? REENTER_SECRET_MESSAGE : undefined)
          }
        />
      </section>

      {formError ? (
        <div className="banner banner--error" role="alert">
          <ErrorCircleIcon size={16} />
          <span>{formError}</span>
        </div>
      ) : null}

      <div className="form-actions">
        <span className={`save-status ${dirty ? 'save-status--dirty' : ''}`} role="status">
          {dirty ? <span className="save-status__dot" aria-hidden="true" /> : null}
          {status}
        </span>
        <div className="form-actions__buttons">
          {dirty && stored ? (
            <AppButton variant="quiet" onPress={discard} isDisabled={saving}>
              Discard changes
            </AppButton>
          ) : null}
          <AppButton variant="primary" type="submit" isDisabled={!dirty || saving}>
            {saving ? 'Saving…' : 'Save and validate'}
          </AppButton>
        </div>
      </div>
    </form>
  );
}
