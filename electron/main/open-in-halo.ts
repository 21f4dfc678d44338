import type { ExternalLinkGate } from './external-links';

/**
 * The main process's half of "Open in Halo". The backend built the URL on the instance's own host; this
 * checks it a second time, independently: the host must be the Resource Server of an instance saved in
 * this app right now, and the gate must accept it (https only, no credentials in the URL). Only then
 * does it reach `shell.openExternal`.
 */
export function createOpenInHalo(
  gate: Pick<ExternalLinkGate, 'open'>,
  instanceHosts: () => Promise<string[]>,
): (url: string) => Promise<void> {
  return async (url) => {
    let host: string;
    try {
      host = new URL(url).host.toLowerCase();
    } catch {
      throw new Error('Refused to open a link that is not a URL.');
    }
    const known = (await instanceHosts()).map((candidate) => candidate.toLowerCase());
    if (!known.includes(host))
      throw new Error(`Refused to open ${url}: ${host} is not a configured Halo host.`);
    // Allowed for this call only: a host stops opening as soon as its instance is deleted.
    if (!(await gate.open(url, host)))
      throw new Error(`Refused to open ${url}: only https pages open from the app.`);
  };
}
