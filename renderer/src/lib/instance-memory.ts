/**
 * What the renderer remembers per instance while the app runs, in memory only (never on disk): a screen
 * unmounts when the technician switches tabs or instances, and this is how it finds its state again.
 * One named slot per kind of memory; each slot maps instance id to value.
 */
export function instanceSlot<T>() {
  const values = new Map<string, T>();
  return {
    get: (instanceId: string): T | undefined => values.get(instanceId),
    set(instanceId: string, value: T): void {
      values.set(instanceId, value);
    },
    delete(instanceId: string): void {
      values.delete(instanceId);
    },
    has: (instanceId: string): boolean => values.has(instanceId),
  };
}
