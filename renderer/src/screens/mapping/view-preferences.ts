import { z } from 'zod';
import { AUTO_WIDTHS, type ColumnWidths } from './columns';

/**
 * How this user likes the mapping screen laid out (column widths, a collapsed header), in this
 * profile's localStorage: a layout choice, no tenant data, so it may outlive the session. A value that
 * does not read back (an older shape, a hand edit) is ignored, never an error.
 */

const COLUMNS_KEY = 'halo-setup.mapping.columns';
const COMPACT_KEY = 'halo-setup.mapping.compact-header';
const storedWidths = z.object({
  org: z.number().positive().nullable(),
  client: z.number().positive().nullable(),
});

/** Windows this short (or shorter) collapse the header until the technician chooses otherwise. */
const SHORT_WINDOW = 820;

function read<T>(key: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(localStorage.getItem(key) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or unavailable: the choice still holds while the app runs.
  }
}

export function loadColumnWidths(): ColumnWidths {
  return read(COLUMNS_KEY, storedWidths) ?? AUTO_WIDTHS;
}

export function saveColumnWidths(widths: ColumnWidths): void {
  write(COLUMNS_KEY, widths);
}

/** Whether the header starts collapsed: as last chosen, else collapsed in a short window. */
export function loadCompactHeader(): boolean {
  return read(COMPACT_KEY, z.boolean()) ?? window.innerHeight <= SHORT_WINDOW;
}

export function saveCompactHeader(compact: boolean): void {
  write(COMPACT_KEY, compact);
}
