import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { forwardRef, useCallback, useImperativeHandle, useRef, useState } from 'react';
import type { MappingEdit, MappingRow } from '../../../../shared/mapping-contract';
import type { ClientSearchIndex } from './client-search';
import { MappingRowView, ROW_HEIGHT } from './MappingRowView';

/**
 * Why @tanstack/react-virtual: it is headless (we keep our own markup, the row's ComboBox and buttons,
 * and plain CSS under the CSP), tiny, framework-maintained and used at scale, and fixed-height rows
 * make it exact with no measuring. react-aria's Virtualizer only virtualises react-aria collections
 * (GridList/Table), whose row keyboard handling fights a text input inside a row (typeahead and Space
 * selection swallow keystrokes meant for the client picker).
 */

/** When the list has no layout (jsdom, or a tab not shown yet), assume a window of this size. */
const FALLBACK_RECT = { width: 1000, height: ROW_HEIGHT * 10 };
const observeRect: typeof observeElementRect = (instance, callback) =>
  observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : FALLBACK_RECT));

export interface MappingListHandle {
  /** Moves keyboard focus to the row at `position` (scrolling it into view first). */
  focusRow(position: number): void;
  /** The virtualizer, for the benchmark's programmatic scroll. */
  virtualizer(): Virtualizer<HTMLTableElement, Element> | null;
}

export const MappingList = forwardRef<
  MappingListHandle,
  {
    rows: readonly MappingRow[];
    clients: ClientSearchIndex;
    onEdit(edits: MappingEdit[], label?: string): void;
    label: string;
    /** The search these rows answer; on the table as data-search, so a benchmark can see the update land. */
    search: string;
    /** Client id to the organizations mapped to it (all rows, not only those shown). */
    mappedFrom: ReadonlyMap<number, string[]>;
  }
>(function MappingList({ rows, clients, onEdit, label, search, mappedFrom }, ref) {
  const scrollRef = useRef<HTMLTableElement>(null);
  const [active, setActive] = useState(0);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => rows[index]?.organization.id ?? index,
    observeElementRect: observeRect,
  });

  const focusRow = useCallback(
    (position: number) => {
      const target = Math.max(0, Math.min(rows.length - 1, position));
      setActive(target);
      virtualizer.scrollToIndex(target, { align: 'auto' });
      // The row exists once the virtualizer has rendered it (next frame at the latest).
      const tryFocus = (attempts: number) => {
        const element = scrollRef.current?.querySelector<HTMLElement>(`[data-position="${target}"]`);
        if (element) element.focus({ preventScroll: true });
        else if (attempts > 0) requestAnimationFrame(() => tryFocus(attempts - 1));
      };
      tryFocus(5);
    },
    [rows.length, virtualizer],
  );

  useImperativeHandle(ref, () => ({ focusRow, virtualizer: () => virtualizer }), [focusRow, virtualizer]);

  const activePosition = Math.min(active, Math.max(0, rows.length - 1));

  return (
    <table
      ref={scrollRef}
      className="mapping-list"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      data-testid="mapping-list"
      data-search={search}
      onKeyDown={(event) => {
        // Arrow keys move between rows when a row itself (not a field inside it) has focus.
        const target = event.target as HTMLElement;
        if (target.tagName !== 'TR') return;
        if (event.key === 'Enter') {
          // Enter on a row opens its Halo client picker.
          const picker = target.querySelector<HTMLElement>('button[aria-haspopup="listbox"]');
          if (!picker) return;
          event.preventDefault();
          picker.dataset.openOnFocus = 'true';
          picker.focus();
          return;
        }
        const position = Number(target.dataset.position);
        const moves: Record<string, number> = {
          ArrowDown: position + 1,
          ArrowUp: position - 1,
          PageDown: position + 8,
          PageUp: position - 8,
          Home: 0,
          End: rows.length - 1,
        };
        const next = moves[event.key];
        if (next === undefined) return;
        event.preventDefault();
        focusRow(next);
      }}
    >
      <thead className="mapping-list__thead">
        <tr aria-rowindex={1} className="mapping-list__head">
          <th scope="col">Organization</th>
          <th scope="col">Status</th>
          <th scope="col">Halo client</th>
          <th scope="col">Why</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody className="mapping-list__body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <MappingRowView
              key={item.key}
              row={row}
              position={item.index}
              top={item.start}
              clients={clients}
              isActive={item.index === activePosition}
              onEdit={onEdit}
              onFocusRow={setActive}
              mappedFrom={mappedFrom}
            />
          );
        })}
      </tbody>
    </table>
  );
});
