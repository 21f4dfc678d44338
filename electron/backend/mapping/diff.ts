import type { DiffEntry, MappingDiff } from '../../../shared/mapping-contract';
import { sameMapping } from '../../mapping/row-status';
import { type MappingData, savedOf } from './mapping-data';
import { buildRow } from './mapping-view';

/** The draft against saved, row by row; `conflicts` counts rows Save would refuse. */
export function computeDiff(data: MappingData): MappingDiff & { entries: DiffEntry[] } {
  const names = new Map(data.organizations.map((organization) => [organization.id, organization]));
  const diff: MappingDiff & { entries: DiffEntry[] } = {
    added: [],
    changed: [],
    removed: [],
    conflicts: 0,
    entries: [],
  };
  for (const [organizationId, after] of data.overrides) {
    const organization = names.get(organizationId);
    if (!organization) continue;
    const before = savedOf(data, organizationId);
    if (sameMapping(before, after)) continue;
    const entry: DiffEntry = { organizationId, organizationName: organization.name, before, after };
    diff.entries.push(entry);
    if (before.state === 'unmapped') diff.added.push(entry);
    else if (after.state === 'unmapped') diff.removed.push(entry);
    else diff.changed.push(entry);
    if (buildRow(data, organization).status === 'conflict') diff.conflicts += 1;
  }
  const byName = (a: DiffEntry, b: DiffEntry) => a.organizationName.localeCompare(b.organizationName);
  diff.added.sort(byName);
  diff.changed.sort(byName);
  diff.removed.sort(byName);
  return diff;
}
