import { useEffect, useState } from 'react';
import type { ConfigurationView } from '../../../../shared/ipc';
import { api } from '../../api';
import { messageOf } from '../../lib/errors';
import { ConfigurationForm } from '../configuration/ConfigurationForm';
import { clearCredentialsDraft, credentialsDraft } from './credentials-draft';

/**
 * Stage D: the foundation's configuration form, not a copy of it. The Client ID and Secret pasted in
 * stage B arrive as unsaved changes; saving stores them (the secret in the keychain) and moves on to E.
 */
export function ConfigureStage({
  instanceId,
  onSaved,
}: {
  instanceId: string;
  onSaved(view: ConfigurationView): void;
}) {
  const [loaded, setLoaded] = useState<
    | { state: 'loading' }
    | { state: 'ready'; configuration: ConfigurationView | null }
    | { state: 'error'; message: string }
  >({ state: 'loading' });
  // Read once per visit: what stage B holds when the form opens.
  const [prefill] = useState(() => credentialsDraft(instanceId));

  useEffect(() => {
    let live = true;
    api.config
      .get({ instanceId })
      .then((response) => live && setLoaded({ state: 'ready', configuration: response.configuration }))
      .catch((error: unknown) => live && setLoaded({ state: 'error', message: messageOf(error) }));
    return () => {
      live = false;
    };
  }, [instanceId]);

  if (loaded.state === 'loading') return <p className="loading">Loading the configuration…</p>;
  if (loaded.state === 'error') {
    return (
      <p className="banner banner--error" role="alert">
        {loaded.message}
      </p>
    );
  }
  const carried = prefill.clientId !== '' || prefill.clientSecret !== '';
  return (
    <div className="wizard-configure">
      {carried ? (
        <p className="wizard-note" role="status">
          The{' '}
          {prefill.clientId && prefill.clientSecret
            ? 'Client ID and Client Secret'
            : prefill.clientId
              ? 'Client ID'
              : 'Client Secret'}{' '}
          from stage B are filled in below. Add the Resource Server (and the Tenant, for Halo-hosted
          instances) from the HaloPSA API page, then save.
        </p>
      ) : null}
      <ConfigurationForm
        instanceId={instanceId}
        configuration={loaded.configuration}
        prefill={prefill}
        onSaved={(view) => {
          clearCredentialsDraft(instanceId);
          onSaved(view);
        }}
      />
    </div>
  );
}
