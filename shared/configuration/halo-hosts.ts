/**
 * What the app knows about Halo's own cloud: the domains of hosted instances and the shared servers
 * under them (halo-api.md §1). Used to tell hosted from on-premise and to suggest a tenant.
 */

/** Domains under which Halo hosts cloud instances, as NAME.<domain>. */
export const HALO_HOSTED_DOMAINS = [
  'halopsa.com',
  'haloitsm.com',
  'haloservicedesk.com',
  'halocrm.io',
] as const;

/** Reduces "https://Acme.HaloPSA.com:443/api" and similar to "acme.halopsa.com"; IPv6 stays bracketed. */
function bareHost(host: string): string {
  let h = host.trim().toLowerCase();
  h = h.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  h = h.split(/[/?#]/)[0] ?? '';
  if (h.startsWith('[')) return h;
  return h.replace(/:\d*$/, '').replace(/\.$/, '');
}

/** The Halo domain a host sits under ("halopsa.com"), or null. The bare domain itself is Halo's website. */
export function haloHostedDomainOf(host: string): string | null {
  const h = bareHost(host);
  return (
    HALO_HOSTED_DOMAINS.find((domain) => h.endsWith(`.${domain}`) && h.length > domain.length + 1) ?? null
  );
}

/** True for an address under a Halo cloud domain, such as acme.halopsa.com or auth.haloservicedesk.com. */
export function isHaloHostedHost(host: string): boolean {
  return haloHostedDomainOf(host) !== null;
}

/**
 * First labels that name Halo's shared servers rather than one customer's instance: its website, the
 * shared authorisation server (auth.haloservicedesk.com) and the trial ones (uk-trial.halopsa.com).
 */
function isSharedFirstLabel(label: string): boolean {
  return label === 'www' || label === 'auth' || /^[a-z]{2}-trial$/.test(label);
}

/** True for Halo's shared servers (auth.haloservicedesk.com, uk-trial.halopsa.com, www.halopsa.com). */
export function isHaloSharedHost(host: string): boolean {
  if (!isHaloHostedHost(host)) return false;
  return isSharedFirstLabel(bareHost(host).split('.')[0] ?? '');
}

/**
 * For a hosted instance the tenant is usually the first label: acme.halopsa.com -> "acme". Null for
 * on-premise hosts, Halo's shared servers and labels that could not be a tenant.
 */
export function tenantHint(host: string): string | null {
  if (!isHaloHostedHost(host)) return null;
  const first = bareHost(host).split('.')[0] ?? '';
  if (isSharedFirstLabel(first)) return null;
  return /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(first) ? first : null;
}
