import type { FieldResult } from './field-result';
import { accepted, refused } from './field-result';
import { isHaloSharedHost } from './halo-hosts';
import { exampleHost, normaliseHostname } from './hostname';

/** The Resource Server Hostname: required, a bare host[:port]. */
export function normaliseResourceServer(raw: string, options: { isOnPremise: boolean }): FieldResult {
  if (raw.trim() === '') {
    return refused(
      `Enter the Resource Server, like ${exampleHost(options.isOnPremise)}. Halo shows it on its API Details page (Configuration > Integrations > Halo API).`,
    );
  }
  const result = normaliseHostname(raw, { isOnPremise: options.isOnPremise });
  if (result.ok && isHaloSharedHost(result.value)) {
    // www. is refused by normaliseHostname already; these are Halo's shared sign-in servers.
    return refused(
      `${result.value} is Halo's shared sign-in server, not your instance. The Resource Server is your instance's address, like acme.halopsa.com; put ${result.value} in Authorisation Server if Halo shows it there.`,
    );
  }
  return result;
}

/** The Authorisation Server Hostname: optional ("" = same server, discover it), host[:port][/path]. */
export function normaliseAuthServer(raw: string, options: { isOnPremise: boolean }): FieldResult {
  if (raw.trim() === '') return accepted('', raw !== '');
  return normaliseHostname(raw, { isOnPremise: options.isOnPremise, allowPath: true });
}

/** "acme.halopsa.com:8443/auth" -> "acme.halopsa.com:8443"; "[::1]:8443/x" -> "[::1]:8443". */
export function hostOfServer(server: string): string {
  const slash = server.indexOf('/');
  return slash === -1 ? server : server.slice(0, slash);
}
