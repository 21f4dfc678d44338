import type { HaloConfiguration } from '../domain';

/**
 * The fields that decide where the Client Secret is sent (which token endpoint, for which tenant, over
 * which trust). The stored secret belongs to the connection it was entered for: change any of these and
 * it is forgotten, so the next validation can never post it to a host the technician did not give it to.
 */
export const SECRET_BOUND_FIELDS = [
  'resourceServer',
  'authServer',
  'tenant',
  'isOnPremise',
  'caCertificatePem',
] as const;
export type SecretBoundField = (typeof SECRET_BOUND_FIELDS)[number];

export const REENTER_SECRET_MESSAGE =
  'Re-enter the Client Secret for the new host: the stored secret was given for the previous host, Tenant or CA, so it is not sent anywhere else.';

type Connection = Pick<HaloConfiguration, SecretBoundField>;

/** The secret-bound fields whose value differs (text compared trimmed, so a stray space is no change). */
export function changedSecretBoundFields(saved: Connection, next: Connection): SecretBoundField[] {
  return SECRET_BOUND_FIELDS.filter((field) => {
    const before = saved[field];
    const after = next[field];
    return typeof before === 'string' && typeof after === 'string'
      ? before.trim() !== after.trim()
      : before !== after;
  });
}
