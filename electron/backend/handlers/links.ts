import { HALO_PAGES, type HaloPageId } from '../../../shared/checklist';
import { isHaloHostedHost } from '../../../shared/configuration/halo-hosts';
import type { ParsedRequestOf, ResponseOf } from '../../../shared/ipc';
import { AppError } from '../app-error';
import type { BackendContext } from '../context';
import { requireInstance } from '../instance-lookup';

/**
 * "Open in Halo": the URL is built here, never taken from the renderer. It is always https, on the host of
 * the instance's saved configuration, with a path from the fixed list in shared/checklist.ts. The main
 * process's external-link gate checks it a second time (https only, a configured instance's host only).
 *
 * Which hosts open: one under Halo's own cloud domains opens at once (the setup guide needs Halo pages
 * before anything is validated, and those domains are Halo's). Any other host (on-premise, custom) opens
 * only once a successful validation of this instance reached Halo's API on that very host: a saved but
 * unproven hostname could be anyone's site.
 */

export const UNCONFIRMED_HOST_MESSAGE =
  'Validate the connection first: Halo Setup opens only a Halo it has confirmed for this instance.';

/** Did the instance's last stored validation succeed against Halo's API on `url`'s host? */
function validationProvedHost(context: BackendContext, instanceId: string, url: string): boolean {
  const last = context.store.validationResults.get(instanceId);
  if (!last || last.status === 'failed') return false;
  try {
    return new URL(last.endpoints.apiBase).host === new URL(url).host;
  } catch {
    return false;
  }
}

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
  if (
    !isHaloHostedHost(configuration.resourceServer) &&
    !validationProvedHost(context, request.instanceId, url)
  ) {
    throw new AppError('invalid-configuration', UNCONFIRMED_HOST_MESSAGE, {
      host: configuration.resourceServer,
    });
  }
  if (!context.openExternal) {
    throw new AppError('internal', 'This window cannot open pages in the browser.', { url });
  }
  await context.openExternal(url);
  return { url };
}
