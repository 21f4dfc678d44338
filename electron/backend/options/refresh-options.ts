import type { ParsedRequestOf, ResponseOf } from '../../../shared/ipc';
import type {
  HaloClientRecord,
  OptionsProgressEvent,
  OrganizationImportResult,
} from '../../../shared/mapping-contract';
import { type HaloClientRow, type HaloTopLevel, type ListClientsProgress, toClientRecords } from '../../halo';
import { reconcileClients } from '../../mapping/reconcile';
import { type AppError, cancelledError } from '../app-error';
import type { BackendContext } from '../context';
import {
  mergeOrganizations,
  type OrganizationFile,
  readOrganizationFile,
} from '../directory/organization-merge';
import { readSourceFile } from '../files/import-file';
import { clientForInstance } from '../halo-access';
import { requireInstance } from '../instance-lookup';
import { MappingSession } from '../mapping/session';

export const refreshKey = (instanceId: string) => `refresh:${instanceId}`;

/**
 * Progress events for one refresh. A wait (pacing, or Halo's rate limit) is announced with its length
 * and then counted down once a second, so the screen can say "waiting for Halo's rate limit: 42 s".
 */
function progressReporter(context: BackendContext, instanceId: string) {
  let countdown: ReturnType<typeof setInterval> | null = null;
  let last: Omit<OptionsProgressEvent, 'type' | 'instanceId' | 'waitingSeconds' | 'cappedWait'> = {
    phase: 'organizations',
    page: 0,
    pagesEstimated: null,
    rowsSoFar: 0,
    recordCount: null,
  };
  const stopCountdown = () => {
    if (countdown !== null) clearInterval(countdown);
    countdown = null;
  };
  /** The running wait's cap note, repeated on every countdown tick; null when the wait is not capped. */
  let cappedWait: OptionsProgressEvent['cappedWait'] | null = null;
  const send = (waitingSeconds: number | null) =>
    context.emit({
      type: 'options:progress',
      instanceId,
      ...last,
      waitingSeconds,
      ...(waitingSeconds === null || !cappedWait ? {} : { cappedWait }),
    });
  return {
    phase(phase: OptionsProgressEvent['phase']) {
      stopCountdown();
      last = { ...last, phase };
      send(null);
    },
    clients(progress: ListClientsProgress) {
      stopCountdown();
      last = {
        phase: 'clients',
        page: progress.page,
        pagesEstimated: progress.pagesEstimated,
        rowsSoFar: progress.rowsSoFar,
        recordCount: progress.recordCount,
      };
      if (progress.waitingMs === undefined) return send(null);
      let seconds = Math.ceil(progress.waitingMs / 1000);
      cappedWait =
        progress.waitRequestedMs === undefined
          ? null
          : { requestedSeconds: Math.ceil(progress.waitRequestedMs / 1000), waitSeconds: seconds };
      send(seconds);
      if (seconds <= 1) return;
      countdown = setInterval(() => {
        seconds -= 1;
        if (seconds <= 0) return stopCountdown();
        send(seconds);
      }, 1000);
      countdown.unref?.();
    },
    stop: stopCountdown,
  };
}

function refreshCancelled(): AppError {
  return cancelledError(
    'refresh',
    'Refresh Options was cancelled. The previous options and every mapping are kept.',
    'Run Refresh Options again when you are ready.',
  );
}

/**
 * Refresh Options: reads everything first (the linked organization file, every Halo client active and
 * inactive, the top levels), and only then writes, in one transaction: the organization merge, the new
 * client cache and its time. A failure or a cancel before that point leaves the database untouched.
 * Mappings are never touched: a mapped client that went inactive, was renamed or is gone makes its row
 * Stale, with the name snapshot kept.
 */
export async function refreshOptions(
  context: BackendContext,
  request: ParsedRequestOf<'options:refresh'>,
): Promise<ResponseOf<'options:refresh'>> {
  const { instanceId } = request;
  requireInstance(context, instanceId);
  const key = refreshKey(instanceId);
  // Registered before the secret is read, so a deletion that starts meanwhile stops this refresh too.
  const controller = context.operations.start(key, 'Refresh Options is already running for this instance.');
  const { signal } = controller;
  const progress = progressReporter(context, instanceId);
  try {
    const halo = await clientForInstance(context, instanceId, 'refresh');
    if (signal.aborted) throw refreshCancelled();
    let organizationFile: OrganizationFile | null = null;
    const source = context.store.organizations.source();
    if (source) {
      progress.phase('organizations');
      const what = `linked organization file (${source.path})`;
      organizationFile = readOrganizationFile(source.format, readSourceFile(source.path), what);
    }
    let rows: HaloClientRow[];
    let requests: number;
    let unreadableClients: number;
    try {
      const read = await halo.listClientsWithStats({
        includeInactive: true,
        includeAzureTenants: true,
        signal,
        onProgress: (update) => progress.clients(update),
      });
      rows = read.rows;
      requests = read.stats.requests;
      unreadableClients = read.stats.rejectedRows;
    } catch (error) {
      if (signal.aborted) throw refreshCancelled();
      throw error;
    }
    if (signal.aborted) throw refreshCancelled();
    // Halo's rows become the app's records here, once: names cleaned, tenants read.
    const { clients, cleanedNames, clientsWithTenant, unreadableTenants } = toClientRecords(rows);
    progress.phase('top-levels');
    let topLevels: { id: number; name: string }[];
    try {
      const listed: HaloTopLevel[] = await halo.listTopLevels({ signal });
      requests += 1;
      topLevels = listed.map((level) => ({ id: level.id, name: level.name }));
    } catch (error) {
      if (signal.aborted) throw refreshCancelled();
      // Top levels only label the picker; an agent without that permission still gets its clients.
      void error;
      requests += 1;
      topLevels = topLevelsFromClients(clients);
    }
    if (signal.aborted) throw refreshCancelled();
    progress.phase('saving');
    const fetchedAt = context.now().toISOString();
    const outcome = context.store.transaction(() => {
      const previous = context.store.haloOptions.clients(instanceId);
      const counts = reconcileClients(previous, clients);
      let organizations: OrganizationImportResult | null = null;
      if (organizationFile) {
        organizations = mergeOrganizations(context, organizationFile);
        context.store.organizations.markSourceRead(fetchedAt);
      }
      context.store.haloOptions.replace(instanceId, clients, topLevels, fetchedAt);
      return { counts, organizations };
    });
    const view = MappingSession.open(context, instanceId).view(new Set());
    progress.phase('done');
    const cache = view.summary.options;
    if (!cache) throw new Error('the options cache was not written');
    return {
      cache,
      clients: outcome.counts,
      topLevels: topLevels.length,
      staleMappings: view.summary.counts.stale + view.summary.counts.conflict,
      requests,
      unreadableClients,
      cleanedNames,
      microsoftTenants: { clients: clientsWithTenant, unreadable: unreadableTenants },
      organizations: outcome.organizations,
    };
  } finally {
    progress.stop();
    context.operations.finish(key, controller);
  }
}

function topLevelsFromClients(clients: readonly HaloClientRecord[]): { id: number; name: string }[] {
  const levels = new Map<number, string>();
  for (const client of clients) {
    if (client.toplevelId !== null)
      levels.set(client.toplevelId, client.toplevelName ?? `Top level ${client.toplevelId}`);
  }
  return [...levels].map(([id, name]) => ({ id, name }));
}
