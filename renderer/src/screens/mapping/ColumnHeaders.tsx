import { type KeyboardEvent, memo, type PointerEvent, useLayoutEffect, useRef, useState } from 'react';
import { COLUMN_MIN, type ColumnWidths, clampWidth, columnMax, type ResizableColumn } from './columns';
import type { RowSort, SortColumn } from './row-order';

/** The "select all shown" box: none, some or all of the rows in view are ticked. */
export type SelectAllState = 'none' | 'some' | 'all';

/** Pixels an arrow key moves a column edge (Shift: four times as far). */
const KEY_STEP = 16;

const COLUMN_LABEL: Record<SortColumn, string> = {
  organization: 'Organization',
  status: 'Status',
  client: 'Halo client',
};

/**
 * The list's header row: the select-all box, sortable Organization, Status and Halo client (aria-sort
 * says the order), and a resize handle on the Organization and Halo client columns that a pointer drags
 * and the arrow keys move (a focusable separator, as the ARIA window splitter pattern has it).
 * Memoised: the list re-renders on every scroll frame, its header need not.
 */
export const ColumnHeaders = memo(function ColumnHeaders(props: {
  sort: RowSort | null;
  onSort(column: SortColumn): void;
  widths: ColumnWidths;
  onWidths(widths: ColumnWidths): void;
  rowWidth: number;
  folded: boolean;
  selectAll: SelectAllState;
  onSelectAll(): void;
}) {
  const sortHeader = (column: SortColumn, resizable?: ResizableColumn) => {
    const direction = props.sort?.column === column ? props.sort.direction : null;
    return (
      <th scope="col" className={headerClass(column, props.folded)} aria-sort={direction ?? 'none'}>
        <button type="button" className="sort-button" onClick={() => props.onSort(column)}>
          {COLUMN_LABEL[column]}
          <span className="sort-button__arrow" aria-hidden="true">
            {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
          </span>
        </button>
        {resizable && !(props.folded && resizable === 'client') ? (
          <ResizeHandle column={resizable} label={COLUMN_LABEL[column]} {...props} />
        ) : null}
      </th>
    );
  };
  return (
    <thead className="mapping-list__thead">
      <tr aria-rowindex={1} className="mapping-list__head">
        <th scope="col" className="mapping-list__th mapping-list__th--select">
          <input
            type="checkbox"
            className="row-select"
            aria-label="Select all shown rows"
            checked={props.selectAll === 'all'}
            ref={(box) => {
              if (box) box.indeterminate = props.selectAll === 'some';
            }}
            onChange={props.onSelectAll}
          />
        </th>
        {sortHeader('organization', 'org')}
        {sortHeader('status')}
        {sortHeader('client', 'client')}
        <th scope="col" className={headerClass('why', props.folded)}>
          Why
        </th>
        <th scope="col" className="mapping-list__th mapping-list__th--actions">
          <span className="visually-hidden">Actions</span>
        </th>
      </tr>
    </thead>
  );
});

/** Folded, Status and Why sit under each row: their headers stay for screen readers only. */
function headerClass(column: SortColumn | 'why', folded: boolean): string {
  return folded && (column === 'status' || column === 'why')
    ? 'visually-hidden'
    : `mapping-list__th mapping-list__th--${column}`;
}

function ResizeHandle({
  column,
  label,
  widths,
  onWidths,
  rowWidth,
  folded,
}: {
  column: ResizableColumn;
  label: string;
  widths: ColumnWidths;
  onWidths(widths: ColumnWidths): void;
  rowWidth: number;
  folded: boolean;
}) {
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);
  /** The column's width now: the chosen one, or what the flexible column measures on screen. */
  const currentWidth = (handle: HTMLElement) =>
    widths[column] ?? Math.round(handle.parentElement?.getBoundingClientRect().width ?? COLUMN_MIN[column]);
  const resize = (width: number) =>
    onWidths({ ...widths, [column]: clampWidth(column, width, widths, rowWidth, folded) });
  const value = widths[column];
  // A flexible column still has a width on screen: that is the separator's value (ARIA requires one).
  const handleRef = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState<number>(COLUMN_MIN[column]);
  // Measured when the layout can have changed (not on every render: the list re-renders each scroll frame).
  const layout = `${rowWidth}:${folded}:${widths.org}:${widths.client}`;
  useLayoutEffect(() => {
    if (!layout) return;
    const width = handleRef.current?.parentElement?.getBoundingClientRect().width ?? 0;
    if (width > 0) setShown(Math.round(width));
  }, [layout]);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable separator is the ARIA pattern for a splitter; <hr> cannot take focus or keys
    <div
      ref={handleRef}
      role="separator"
      tabIndex={0}
      aria-orientation="vertical"
      aria-label={`Resize the ${label} column`}
      aria-valuemin={COLUMN_MIN[column]}
      aria-valuemax={columnMax(column, widths, rowWidth, folded)}
      aria-valuenow={value ?? shown}
      aria-valuetext={value === null ? 'automatic width' : `${value} pixels`}
      title="Drag to resize; arrow keys too. Double-click for the automatic width."
      className="column-resize"
      data-column={column}
      onPointerDown={(event: PointerEvent<HTMLDivElement>) => {
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = { startX: event.clientX, startWidth: currentWidth(event.currentTarget) };
      }}
      onPointerMove={(event) => {
        if (!drag.current) return;
        resize(drag.current.startWidth + event.clientX - drag.current.startX);
      }}
      onPointerUp={() => {
        drag.current = null;
      }}
      onDoubleClick={() => onWidths({ ...widths, [column]: null })}
      onKeyDown={(event: KeyboardEvent<HTMLDivElement>) => {
        const step = event.shiftKey ? KEY_STEP * 4 : KEY_STEP;
        const moves: Record<string, number> = { ArrowLeft: -step, ArrowRight: step };
        const move = moves[event.key];
        if (move !== undefined) {
          event.preventDefault();
          resize(currentWidth(event.currentTarget) + move);
        } else if (event.key === 'Home' || event.key === 'Enter') {
          // Home or Enter gives the column back its automatic width.
          event.preventDefault();
          onWidths({ ...widths, [column]: null });
        }
      }}
    />
  );
}
