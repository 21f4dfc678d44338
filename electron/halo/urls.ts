import type { HaloConfiguration } from '../../shared/domain';

/**
 * Where to send what (halo-api.md §1), as pure functions of the saved configuration and, when the user
 * gave no Auth Server Hostname, of what `/api/authinfo` said.
 */

export type HaloProtocol = 'https' | 'http';

/** What `GET /api/authinfo` answered, already parsed. */
export interface AuthInfo {
  authUrl: string;
  tenantId: string;
}

export interface TokenEndpoint {
  /** Full token URL, with `?tenant=` only when a tenant is sent. */
  tokenUrl: string;
  /** The auth base the token URL was built from (no trailing slash). */
  authBase: string;
  /** The tenant sent, or '' for none. */
  tenant: string;
  /** How the auth base was chosen. */
  source: 'explicit' | 'discovered' | 'fallback';
}

function trimSlashes(value: string): string {
  return value.replace(/\/+$/, '');
}

/** The host the user typed as Resource Server, with an optional port: the origin of every /api call. */
export function resourceOrigin(configuration: HaloConfiguration, protocol: HaloProtocol): string {
  return `${protocol}://${configuration.resourceServer}`;
}

/** `https://host/api`. */
export function apiBaseUrl(configuration: HaloConfiguration, protocol: HaloProtocol): string {
  return `${resourceOrigin(configuration, protocol)}/api`;
}

/** `{host}/auth`: where Halo-hosted and on-premise instances keep their auth server. */
export function fallbackAuthBase(configuration: HaloConfiguration, protocol: HaloProtocol): string {
  return `${resourceOrigin(configuration, protocol)}/auth`;
}

/**
 * The auth base the user set explicitly, or null when the field is empty ("not different"). A bare host
 * equal to the resource server means that server's `/auth`; any other value (the shared auth server, the
 * trial server, or a host with a path) is used as given, at its root.
 */
export function explicitAuthBase(configuration: HaloConfiguration, protocol: HaloProtocol): string | null {
  const authServer = trimSlashes(configuration.authServer.trim());
  if (authServer === '') return null;
  if (authServer.toLowerCase() === configuration.resourceServer.toLowerCase()) {
    return fallbackAuthBase(configuration, protocol);
  }
  return `${protocol}://${authServer}`;
}

/** The tenant to send: none on-premise; else the user's Tenant ID, else the discovered one, else none. */
export function effectiveTenant(configuration: HaloConfiguration, discoveredTenant: string | null): string {
  if (configuration.isOnPremise) return '';
  const own = configuration.tenant.trim();
  if (own !== '') return own;
  return discoveredTenant?.trim() ?? '';
}

/** `{authBase}/token`, plus `?tenant=` only when non-empty (an empty one is a known bug elsewhere). */
export function tokenUrlFor(authBase: string, tenant: string): string {
  const base = `${trimSlashes(authBase)}/token`;
  return tenant === '' ? base : `${base}?tenant=${encodeURIComponent(tenant)}`;
}

/** Whether the token endpoint depends on discovery (no explicit Auth Server Hostname). */
export function needsDiscovery(configuration: HaloConfiguration): boolean {
  return configuration.authServer.trim() === '';
}

/**
 * Is a discovered auth URL safe to send the client secret to? It must be an absolute URL with the same
 * scheme we use for the API: an `http:` auth URL on an `https:` instance would put the secret on the wire
 * in clear text, so it is ignored and the fallback is used instead.
 */
export function usableDiscoveredAuthBase(authUrl: string, protocol: HaloProtocol): string | null {
  let parsed: URL;
  try {
    parsed = new URL(authUrl.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== `${protocol}:`) return null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.search !== '' || parsed.hash !== '')
    return null;
  return trimSlashes(`${parsed.origin}${parsed.pathname}`);
}

/**
 * Decides the token endpoint. The explicit Auth Server Hostname always wins; otherwise a usable
 * `authinfo` answer; otherwise `{host}/auth/token`.
 */
export function resolveTokenEndpoint(
  configuration: HaloConfiguration,
  protocol: HaloProtocol,
  authInfo: AuthInfo | null,
): TokenEndpoint {
  const explicit = explicitAuthBase(configuration, protocol);
  if (explicit !== null) {
    const tenant = effectiveTenant(configuration, null);
    return { tokenUrl: tokenUrlFor(explicit, tenant), authBase: explicit, tenant, source: 'explicit' };
  }
  const discovered = authInfo === null ? null : usableDiscoveredAuthBase(authInfo.authUrl, protocol);
  if (discovered !== null && authInfo !== null) {
    const tenant = effectiveTenant(configuration, authInfo.tenantId);
    return { tokenUrl: tokenUrlFor(discovered, tenant), authBase: discovered, tenant, source: 'discovered' };
  }
  const fallback = fallbackAuthBase(configuration, protocol);
  const tenant = effectiveTenant(configuration, null);
  return { tokenUrl: tokenUrlFor(fallback, tenant), authBase: fallback, tenant, source: 'fallback' };
}

/** `host[:port]` of a URL, for messages. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
