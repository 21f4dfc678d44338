/**
 * Fixtures for the mapping screen's component, end-to-end and benchmark runs: an instance configured
 * against the fake Halo through the real backend, and a CSV of our organizations made from the fake's
 * client names with the variants a real directory has (exact, case and legal-suffix changes, a domain,
 * and organizations Halo does not have).
 */

export { configuredInstance, invoke } from './backend-calls';

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** Strips a trailing legal form the way a directory often spells a name differently from Halo. */
function withoutSuffix(name: string): string {
  return name.replace(/\s+(Ltd|Limited|LLC|LLP|Inc|GmbH|AG|SARL|Ltda|ApS|Group)\.?$/i, '');
}

export interface OrganizationRow {
  name: string;
  domain?: string;
}

/**
 * Our organizations for `clients` (Halo rows): every `step`-th client in one of four spellings, plus
 * `unknown` organizations Halo does not have. Names are unique case-insensitively, as the directory
 * requires.
 */
export function organizationsFor(
  clients: ReadonlyArray<{ name: string; website: string }>,
  options: { count: number; unknown?: number },
): OrganizationRow[] {
  const rows: OrganizationRow[] = [];
  const seen = new Set<string>();
  const add = (row: OrganizationRow) => {
    const key = row.name.toLowerCase();
    if (seen.has(key) || row.name.trim() === '') return;
    seen.add(key);
    rows.push(row);
  };
  const decode = (name: string) => name.replaceAll('&amp;', '&').replaceAll('&#39;', "'");
  for (let i = 0; i < clients.length && rows.length < options.count; i++) {
    const client = clients[i];
    if (!client) continue;
    const name = decode(client.name);
    switch (i % 4) {
      case 0:
        add({ name });
        break;
      case 1:
        add({ name: withoutSuffix(name).toUpperCase() });
        break;
      case 2:
        add({ name: withoutSuffix(name) });
        break;
      default: {
        const domain = client.website.replace(/^https?:\/\/(www\.)?/, '').replace(/\/.*$/, '');
        add(domain ? { name: `${withoutSuffix(name)} (IT)`, domain } : { name });
      }
    }
  }
  for (let i = 0; i < (options.unknown ?? 0); i++) add({ name: `Unlisted Customer ${i + 1} Holdings` });
  return rows;
}

export function organizationsCsv(rows: readonly OrganizationRow[]): string {
  return ['name,domain', ...rows.map((row) => `${quote(row.name)},${quote(row.domain ?? '')}`)].join('\r\n');
}
