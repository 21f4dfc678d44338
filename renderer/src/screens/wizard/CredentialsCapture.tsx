import { useState } from 'react';
import { checkConfigurationField } from '../../../../shared/configuration-rules';
import { FormField } from '../../components/FormField';
import { KeyIcon } from '../../components/Icons';
import { type CredentialsDraft, credentialsDraft, setCredentialsDraft } from './credentials-draft';

/**
 * Step 9's Client ID and Client Secret, pasted as Halo shows them. They flow into stage D's form
 * unsaved; the secret stays in this window's memory until that form saves it to the keychain.
 */
export function CredentialsCapture({ instanceId, configured }: { instanceId: string; configured: boolean }) {
  const [draft, setDraft] = useState<CredentialsDraft>(() => credentialsDraft(instanceId));
  const [clientIdError, setClientIdError] = useState<string | undefined>();

  function update(next: CredentialsDraft) {
    setDraft(next);
    setCredentialsDraft(instanceId, next);
  }

  function checkClientId() {
    if (draft.clientId.trim() === '') return setClientIdError(undefined);
    const result = checkConfigurationField(
      'clientId',
      {
        resourceServer: '',
        clientId: draft.clientId,
        tenant: '',
        authServer: '',
        isOnPremise: false,
        caCertificatePem: '',
      },
      { hasStoredSecret: false },
    );
    setClientIdError(result.error);
    if (result.normalised !== undefined && result.normalised !== draft.clientId && !result.error) {
      update({ ...draft, clientId: result.normalised });
    }
  }

  return (
    <div className="credentials-capture">
      <p className="credentials-capture__title">
        <KeyIcon size={14} />
        Paste what Halo shows now
      </p>
      <div className="credentials-capture__fields">
        <FormField
          label="Client ID from Halo"
          value={draft.clientId}
          onChange={(clientId) => {
            setClientIdError(undefined);
            update({ ...draft, clientId });
          }}
          onBlur={checkClientId}
          error={clientIdError}
          placeholder="8f4c2a1e-0b7d-4e59-9a3c-2d6f1b8e4a70"
          monospace
          name="wizard-client-id"
        />
        <FormField
          label="Client Secret from Halo"
          type="password"
          value={draft.clientSecret}
          onChange={(clientSecret) => update({ ...draft, clientSecret })}
          placeholder="Shown once by Halo"
          name="wizard-client-secret"
        />
      </div>
      <p className="credentials-capture__note">
        {draft.clientId || draft.clientSecret
          ? 'Carried into stage D’s form, unsaved. The secret stays in memory only until you save it there; it then goes to the OS keychain.'
          : configured
            ? 'A configuration is saved already. Paste new values here only if you created a new application.'
            : 'Both go straight into stage D. Nothing is stored until you save there.'}
      </p>
    </div>
  );
}
