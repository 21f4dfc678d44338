import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MappingRow } from '../../../../shared/mapping-contract';
import type { SelectAllState } from './ColumnHeaders';

/**
 * The rows ticked for a bulk action (Exclude, Clear mapping). Ids are kept across filter changes, but
 * a bulk action only ever takes the ticked rows in view (`inView`), so nothing hidden is changed by
 * surprise. Shift+click ticks every row from the last one clicked, in the order shown.
 */
export function useRowSelection(visible: readonly MappingRow[]) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const anchor = useRef<number | null>(null);
  const shown = useRef(visible);
  shown.current = visible;
  // Positions mean nothing once the rows in view change order or membership.
  useEffect(() => {
    if (visible) anchor.current = null;
  }, [visible]);

  const onSelect = useCallback((position: number, range: boolean) => {
    const rows = shown.current;
    const row = rows[position];
    if (!row) return;
    const from = anchor.current;
    anchor.current = position;
    setSelected((current) => {
      const next = new Set(current);
      if (range && from !== null) {
        for (let at = Math.min(from, position); at <= Math.max(from, position); at++) {
          const id = rows[at]?.organization.id;
          if (id) next.add(id);
        }
      } else if (next.has(row.organization.id)) next.delete(row.organization.id);
      else next.add(row.organization.id);
      return next;
    });
  }, []);

  const inView = useMemo(
    () => visible.filter((row) => selected.has(row.organization.id)),
    [visible, selected],
  );
  const selectAll: SelectAllState =
    inView.length === 0 ? 'none' : inView.length === visible.length ? 'all' : 'some';

  const onSelectAll = useCallback(() => {
    const rows = shown.current;
    setSelected((current) => {
      const next = new Set(current);
      const all = rows.every((row) => current.has(row.organization.id));
      for (const row of rows) {
        if (all) next.delete(row.organization.id);
        else next.add(row.organization.id);
      }
      return next;
    });
  }, []);

  const clear = useCallback(() => setSelected(new Set()), []);
  return { selected, inView, selectAll, onSelect, onSelectAll, clear };
}
