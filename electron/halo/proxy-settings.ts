/**
 * Which proxy, if any, a request should use. The rules follow the common `HTTPS_PROXY` / `NO_PROXY`
 * conventions as implemented by `proxy-from-env` (comma- or space-separated entries, `*` for everything,
 * a leading `.` or `*.` matches subdomains, an optional `:port`). We do not call `proxy-from-env` itself
 * because it only reads `process.env`, and the Halo client takes its proxy settings per instance (tests,
 * and a future per-configuration proxy) with the environment only as the default.
 */

export interface ProxySettings {
  /** e.g. "http://proxy.corp:3128". Empty or undefined: no proxy. */
  httpsProxy?: string;
  /** e.g. "localhost,.internal,10.0.0.1:8443". */
  noProxy?: string;
}

type Env = Record<string, string | undefined>;

function firstSet(env: Env, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** The proxy settings from the environment (`HTTPS_PROXY`, `https_proxy`, `ALL_PROXY`; `NO_PROXY`). */
export function proxySettingsFromEnv(env: Env = process.env): ProxySettings {
  const httpsProxy = firstSet(env, ['HTTPS_PROXY', 'https_proxy', 'ALL_PROXY', 'all_proxy']);
  const noProxy = firstSet(env, ['NO_PROXY', 'no_proxy']);
  return {
    ...(httpsProxy === undefined ? {} : { httpsProxy }),
    ...(noProxy === undefined ? {} : { noProxy }),
  };
}

function defaultPort(protocol: string): number {
  return protocol === 'https:' ? 443 : 80;
}

/** Does a NO_PROXY list exclude this hostname:port? */
export function bypassesProxy(hostname: string, port: number, noProxy: string | undefined): boolean {
  const list = (noProxy ?? '').trim().toLowerCase();
  if (list === '') return false;
  if (list === '*') return true;
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return list.split(/[,\s]+/).some((rawEntry) => {
    if (rawEntry === '') return false;
    const match = /^(.+):(\d+)$/.exec(rawEntry);
    const entryHost = (match?.[1] ?? rawEntry).replace(/^\[|\]$/g, '');
    const entryPort = match?.[2] === undefined ? 0 : Number(match[2]);
    if (entryPort !== 0 && entryPort !== port) return false;
    if (entryHost === '*') return true;
    if (entryHost.startsWith('*.') || entryHost.startsWith('.')) {
      const suffix = entryHost.replace(/^\*/, '');
      return host.endsWith(suffix) || host === suffix.slice(1);
    }
    return host === entryHost || host.endsWith(`.${entryHost}`);
  });
}

/**
 * The proxy URL for an `https:` target, or null for a direct connection. Plain `http:` targets (loopback
 * tests and demos only) never use the HTTPS proxy. A proxy value without a scheme gets `http://`.
 */
export function proxyFor(targetUrl: string, settings: ProxySettings): string | null {
  const proxy = settings.httpsProxy?.trim() ?? '';
  if (proxy === '') return null;
  let target: URL;
  try {
    target = new URL(targetUrl);
  } catch {
    return null;
  }
  if (target.protocol !== 'https:') return null;
  const port = target.port === '' ? defaultPort(target.protocol) : Number(target.port);
  if (bypassesProxy(target.hostname, port, settings.noProxy)) return null;
  return proxy.includes('://') ? proxy : `http://${proxy}`;
}

/** A proxy URL without its credentials, for messages and details. */
export function displayProxy(proxyUrl: string): string {
  try {
    const parsed = new URL(proxyUrl);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return '(unreadable proxy setting)';
  }
}
