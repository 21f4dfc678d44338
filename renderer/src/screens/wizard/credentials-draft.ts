/**
 * The Client ID and Secret the technician pasted in stage B, waiting for stage D's form. Kept in this
 * window's memory only, per instance: never sent anywhere until the form saves them (the secret then
 * goes to the OS keychain), and gone when the app closes. A module-level map, so switching stages or
 * tabs does not lose them.
 */
export interface CredentialsDraft {
  clientId: string;
  clientSecret: string;
}

const drafts = new Map<string, CredentialsDraft>();

export function credentialsDraft(instanceId: string): CredentialsDraft {
  return drafts.get(instanceId) ?? { clientId: '', clientSecret: '' };
}

export function setCredentialsDraft(instanceId: string, draft: CredentialsDraft): void {
  if (draft.clientId === '' && draft.clientSecret === '') drafts.delete(instanceId);
  else drafts.set(instanceId, draft);
}

export function clearCredentialsDraft(instanceId: string): void {
  drafts.delete(instanceId);
}
