/**
 * Reconciling a fresh read of Halo clients with the cached one, by id: which are new, renamed, went
 * inactive, came back, or are gone. Pure; the counts are what Refresh Options reports.
 */
export interface ReconcileClient {
  id: number;
  name: string;
  inactive: boolean;
}

export interface ReconcileCounts {
  total: number;
  new: number;
  renamed: number;
  wentInactive: number;
  reactivated: number;
  gone: number;
  unchanged: number;
}

export function reconcileClients(
  previous: readonly ReconcileClient[],
  next: readonly ReconcileClient[],
): ReconcileCounts {
  const before = new Map(previous.map((client) => [client.id, client]));
  const counts: ReconcileCounts = {
    total: next.length,
    new: 0,
    renamed: 0,
    wentInactive: 0,
    reactivated: 0,
    gone: 0,
    unchanged: 0,
  };
  const seen = new Set<number>();
  for (const client of next) {
    seen.add(client.id);
    const old = before.get(client.id);
    if (old === undefined) {
      counts.new += 1;
      continue;
    }
    let differs = false;
    if (old.name !== client.name) {
      counts.renamed += 1;
      differs = true;
    }
    if (!old.inactive && client.inactive) {
      counts.wentInactive += 1;
      differs = true;
    } else if (old.inactive && !client.inactive) {
      counts.reactivated += 1;
      differs = true;
    }
    if (!differs) counts.unchanged += 1;
  }
  for (const id of before.keys()) if (!seen.has(id)) counts.gone += 1;
  return counts;
}
