import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import {
  type CSSProperties,
  forwardRef,
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
} from 'react';
import type { MappingEdit, MappingRow } from '../../../../shared/mapping-contract';
import { ColumnHeaders, type SelectAllState } from './ColumnHeaders';
import type { ClientSearchIndex } from './client-search';
import { type ColumnWidths, columnTemplate, FOLD_WIDTH } from './columns';
import { MappingRowView, ROW_HEIGHT, ROW_HEIGHT_FOLDED } from './MappingRowView';
import type { RowSort, SortColumn } from './row-order';
import './MappingList.css';

/**
 * Why @tanstack/react-virtual: it is headless (we keep our own markup, the row's ComboBox and buttons,
 * and plain CSS under the CSP), tiny, framework-maintained and used at scale, and fixed-height rows
 * make it exact with no measuring. react-aria's Virtualizer only virtualises react-aria collections
 * (GridList/Table), whose row keyboard handling fights a text input inside a row (typeahead and Space
 * selection swallow keystrokes meant for the client picker).
 */

/** When the list has no layout (jsdom, or a tab not shown yet), assume a window of this size. */
const FALLBACK_RECT = { width: 1000, height: ROW_HEIGHT * 10 };
/** The list's border and a vertical scrollbar: what its offset width has that its rows do not. */
const CHROME_WIDTH = 20;

export interface MappingListHandle {
  /** Moves keyboard focus to the row at `position` (scrolling it into view first). */
  focusRow(position: number): void;
  /** The virtualizer, for the benchmark's programmatic scroll. */
  virtualizer(): Virtualizer<HTMLTableElement, Element> | null;
}

/**
 * Memoised: a keystroke in the search box re-renders the screen with the same (deferred) rows, and the
 * list must not re-render for it, so the typed character paints before the filtered list is built.
 */
export const MappingList = memo(
  forwardRef<
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
      sort: RowSort | null;
      onSort(column: SortColumn): void;
      widths: ColumnWidths;
      onWidths(widths: ColumnWidths): void;
      /** Organization ids ticked for a bulk action. */
      selected: ReadonlySet<string>;
      onSelect(position: number, range: boolean): void;
      selectAll: SelectAllState;
      onSelectAll(): void;
    }
  >(function MappingList(props, ref) {
    const { rows, clients, onEdit, label, search, mappedFrom, selected, onSelect } = props;
    const scrollRef = useRef<HTMLTableElement>(null);
    const [active, setActive] = useState(0);
    const [listWidth, setListWidth] = useState(FALLBACK_RECT.width);
    // Narrow lists (a 1024-pixel window) fold Status and Why under each row instead of scrolling sideways.
    const folded = listWidth - CHROME_WIDTH < FOLD_WIDTH;
    const rowHeight = folded ? ROW_HEIGHT_FOLDED : ROW_HEIGHT;
    const observeRect = useCallback<typeof observeElementRect>(
      (instance, callback) =>
        observeElementRect(instance, (rect) => {
          const measured = rect.height > 0 ? rect : FALLBACK_RECT;
          setListWidth(measured.width);
          callback(measured);
        }),
      [],
    );
    const virtualizer = useVirtualizer({
      count: rows.length,
      getScrollElement: () => scrollRef.current,
      estimateSize: () => rowHeight,
      overscan: 6,
      getItemKey: (index) => rows[index]?.organization.id ?? index,
      observeElementRect: observeRect,
    });
    // A fold changes every row's height: the virtualizer's cached sizes must follow.
    useEffect(() => {
      if (rowHeight > 0) virtualizer.measure();
    }, [rowHeight, virtualizer]);

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
    const rowWidth = listWidth - CHROME_WIDTH;

    return (
      <table
        ref={scrollRef}
        className={folded ? 'mapping-list mapping-list--folded' : 'mapping-list'}
        aria-label={label}
        aria-rowcount={rows.length + 1}
        data-testid="mapping-list"
        data-search={search}
        style={{ '--mapping-columns': columnTemplate(props.widths, rowWidth, folded) } as CSSProperties}
        onKeyDown={(event) => {
          // Arrow keys move between rows when a row itself (not a field inside it) has focus.
          const target = event.target as HTMLElement;
          if (target.tagName !== 'TR' || !target.dataset.position) return;
          if (event.key === 'Enter') {
            // Enter on a row opens its Halo client picker.
            const picker = target.querySelector<HTMLElement>('button[aria-haspopup="listbox"]');
            if (!picker) return;
            event.preventDefault();
            picker.dataset.openOnFocus = 'true';
            picker.focus();
            return;
          }
          if (event.key === ' ') {
            // Space ticks the focused row for a bulk action, as its checkbox would.
            event.preventDefault();
            onSelect(Number(target.dataset.position), event.shiftKey);
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
        <ColumnHeaders
          sort={props.sort}
          onSort={props.onSort}
          widths={props.widths}
          onWidths={props.onWidths}
          rowWidth={rowWidth}
          folded={folded}
          selectAll={props.selectAll}
          onSelectAll={props.onSelectAll}
        />
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
                isSelected={selected.has(row.organization.id)}
                onSelect={onSelect}
                onEdit={onEdit}
                onFocusRow={setActive}
                mappedFrom={mappedFrom}
              />
            );
          })}
        </tbody>
      </table>
    );
  }),
);
