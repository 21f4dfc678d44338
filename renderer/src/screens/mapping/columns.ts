/**
 * The mapping list's columns as a CSS grid template built from state, so the technician can resize
 * the Organization and Halo client columns (by dragging or with the arrow keys) without a table
 * library. Below FOLD_WIDTH the Status and Why columns fold onto a second line under the row, so a
 * 1024-pixel window needs no horizontal scroll.
 */

/** List widths (px) below which Status and Why fold under the row. */
export const FOLD_WIDTH = 860;

export type ResizableColumn = 'org' | 'client';

/** Chosen widths in pixels; null keeps the column flexible. */
export interface ColumnWidths {
  org: number | null;
  client: number | null;
}

export const AUTO_WIDTHS: ColumnWidths = { org: null, client: null };

export const COLUMN_MIN: Record<ResizableColumn, number> = { org: 140, client: 170 };
const WHY_MIN = 140;
const SELECT = 22;
const STATUS = 92;
const ACTIONS = 148;
const GAP = 12;
const PADDING = 28;

/** The pixels each layout spends on the fixed columns, gaps and padding. */
function fixedWidth(folded: boolean): number {
  return folded ? PADDING + 3 * GAP + SELECT + ACTIONS : PADDING + 5 * GAP + SELECT + STATUS + ACTIONS;
}

/**
 * The largest width `column` may take in a list `listWidth` wide, leaving the other columns their
 * minimum: a resize never pushes the actions out of view.
 */
export function columnMax(column: ResizableColumn, widths: ColumnWidths, listWidth: number, folded: boolean) {
  const room = listWidth - fixedWidth(folded);
  if (folded)
    return Math.max(COLUMN_MIN[column], room - (column === 'org' ? COLUMN_MIN.client : COLUMN_MIN.org));
  const other = column === 'org' ? (widths.client ?? COLUMN_MIN.client) : (widths.org ?? COLUMN_MIN.org);
  return Math.max(COLUMN_MIN[column], room - other - WHY_MIN);
}

export function clampWidth(
  column: ResizableColumn,
  width: number,
  widths: ColumnWidths,
  listWidth: number,
  folded: boolean,
): number {
  return Math.round(
    Math.min(columnMax(column, widths, listWidth, folded), Math.max(COLUMN_MIN[column], width)),
  );
}

/** grid-template-columns for the list's header and rows. */
export function columnTemplate(widths: ColumnWidths, listWidth: number, folded: boolean): string {
  const size = (column: ResizableColumn, flexible: string) => {
    const chosen = widths[column];
    return chosen === null ? flexible : `${clampWidth(column, chosen, widths, listWidth, folded)}px`;
  };
  const org = size('org', `minmax(${COLUMN_MIN.org}px, 1.25fr)`);
  if (folded) {
    // Two columns share the room: the client column takes what the organization column leaves.
    const client =
      widths.org === null
        ? size('client', `minmax(${COLUMN_MIN.client}px, 1.45fr)`)
        : `minmax(${COLUMN_MIN.client}px, 1fr)`;
    return `${SELECT}px ${org} ${client} ${ACTIONS}px`;
  }
  const client = size('client', `minmax(${COLUMN_MIN.client}px, 1.45fr)`);
  return `${SELECT}px ${org} ${STATUS}px ${client} minmax(${WHY_MIN}px, 1fr) ${ACTIONS}px`;
}
