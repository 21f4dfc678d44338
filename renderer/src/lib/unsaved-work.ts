import { useSyncExternalStore } from 'react';

/** What is unsaved for an instance: its connection form, its mapping draft. */
export type UnsavedKind = 'connection' | 'mappings';

const unsaved = new Map<string, ReadonlySet<UnsavedKind>>();
const listeners = new Set<() => void>();
let snapshot: ReadonlyMap<string, ReadonlySet<UnsavedKind>> = new Map();

/**
 * Which instances hold unsaved work, for the sidebar's marker: screens report it as it changes, and
 * the sidebar re-renders through useSyncExternalStore. Renderer memory only.
 */
export function reportUnsaved(instanceId: string, kind: UnsavedKind, isUnsaved: boolean): void {
  const current = unsaved.get(instanceId) ?? new Set<UnsavedKind>();
  if (current.has(kind) === isUnsaved) return;
  const next = new Set(current);
  if (isUnsaved) next.add(kind);
  else next.delete(kind);
  if (next.size === 0) unsaved.delete(instanceId);
  else unsaved.set(instanceId, next);
  snapshot = new Map(unsaved);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useUnsavedWork(): ReadonlyMap<string, ReadonlySet<UnsavedKind>> {
  return useSyncExternalStore(subscribe, () => snapshot);
}

/** "unsaved connection and mappings" */
export function unsavedText(kinds: ReadonlySet<UnsavedKind>): string {
  return `unsaved ${[...kinds].sort().join(' and ')}`;
}
