import { HALO_PAGES, type HaloPageId } from '../../../shared/checklist';
import type { ParsedRequestOf, ResponseOf } from '../../../shared/ipc';
import { AppError } from '../app-error';
import type { BackendContext } from '../context';
import { requireInstance } from './instances';

/**
 * "Open in Halo": the URL is built here, never taken from the renderer. It is always https, on the host of
 * the instance's saved configuration, with a path from the fixed list in shared/checklist.ts. The main
 * process's external-link gate checks it a second time (https only, a configured instance's host only).
 */

/** `https://{host}{path}` when `host` is a plain "name[:port]" that URL parsing keeps as it is; else null. */
export function haloPageUrl(host: string, target: HaloPageId): string | null {
  const wanted = host.trim().toLowerCase();
  if (wanted === '' || /[/?#@\\\s]/.test(wanted)) return null;
  let url: URL;
  try {
    url = new URL(`https://${wanted}${HALO_PAGES[target].path}`);
  } catch {
    return null;
  }
  // URL drops a default :443; anything else that differs (credentials, a smuggled host) is refused.
  const expectedHost = wanted.endsWith(':443') ? wanted.slice(0, -4) : wanted;
  if (url.protocol !== 'https:' || url.host !== expectedHost || url.username || url.password) return null;
  return url.toString();
}

export async function openInHalo(
  context: BackendContext,
  request: ParsedRequestOf<'links:openInHalo'>,
): Promise<ResponseOf<'links:openInHalo'>> {
  requireInstance(context, request.instanceId);
  const configuration = context.store.configurations.get(request.instanceId);
  if (!configuration) {
    throw new AppError(
      'invalid-configuration',
      'The instance’s Halo address is not known yet: save the Resource Server Hostname in stage D first. Halo pages open only on the instance’s own host.',
      { fields: { resourceServer: 'Required to open Halo pages.' } },
    );
  }
  const url = haloPageUrl(configuration.resourceServer, request.target);
  if (!url) {
    throw new AppError(
      'invalid-configuration',
      `Halo pages open only as https on the instance’s own host, and “${configuration.resourceServer}” does not make one.`,
      { host: configuration.resourceServer },
    );
  }
  if (!context.openExternal) {
    throw new AppError('internal', 'This window cannot open pages in the browser.', { url });
  }
  await context.openExternal(url);
  return { url };
}
