import { getDomain, getHostname } from 'tldts';

/**
 * Domains that many unrelated customers share (free mail, site builders, Microsoft tenants): equal
 * registrable domains there prove nothing. For hosted sites the full host name is the identity.
 */
const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'live.com',
  'live.co.uk',
  'msn.com',
  'yahoo.com',
  'yahoo.co.uk',
  'icloud.com',
  'me.com',
  'aol.com',
  'btinternet.com',
  'sky.com',
  'virginmedia.com',
  'talktalk.net',
  'protonmail.com',
  'proton.me',
  'gmx.com',
  'gmx.de',
  'web.de',
  't-online.de',
  'orange.fr',
  'free.fr',
  'bigpond.com',
  'comcast.net',
]);

const SHARED_HOSTING_DOMAINS: ReadonlySet<string> = new Set([
  'onmicrosoft.com',
  'sharepoint.com',
  'wixsite.com',
  'squarespace.com',
  'wordpress.com',
  'business.site',
  'godaddysites.com',
  'weebly.com',
  'webflow.io',
  'myshopify.com',
  'blogspot.com',
  'github.io',
  'azurewebsites.net',
]);

/**
 * The registrable domain of whatever a user typed as a website or e-mail ("https://www.Acme.co.uk/about",
 * "it@acme.co.uk", "acme.co.uk") -> "acme.co.uk"; null for nothing usable or a free-mail domain.
 * `tldts` carries the Public Suffix List, so "co.uk" or "com.au" are never mistaken for the domain; a
 * "last two labels" rule would match every UK customer with every other one.
 */
export function registrableDomain(input: string | null | undefined): string | null {
  if (input === null || input === undefined) return null;
  let text = input.trim().toLowerCase();
  if (text === '') return null;
  const at = text.lastIndexOf('@');
  if (at >= 0 && !text.includes('/')) text = text.slice(at + 1);
  const hostname = getHostname(text.includes('://') ? text : `http://${text}`);
  if (hostname === null || hostname === '') return null;
  const domain = getDomain(hostname);
  if (domain === null || FREE_MAIL_DOMAINS.has(domain)) return null;
  if (SHARED_HOSTING_DOMAINS.has(domain)) {
    const host = hostname.startsWith('www.') ? hostname.slice(4) : hostname;
    return host === domain ? null : host;
  }
  return domain;
}
