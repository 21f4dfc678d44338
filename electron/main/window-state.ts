import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The main window's size and position, remembered in `<userData>/window-state.json`.
 *
 * Hand-written rather than electron-window-state: that package has had no release since 2018 and keeps
 * a saved position even when its display is gone (a window restored off-screen after the laptop leaves
 * its docking station). Here a position is only reused while enough of the title bar lands on a display
 * that exists now; otherwise the window opens centred at the saved size.
 */

export const WINDOW_STATE_FILE = 'window-state.json';

const stateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(100).max(100_000),
  height: z.number().int().min(100).max(100_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof stateSchema>;

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowStateDefaults {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/** How much of the window's top strip must be on a display for the saved position to count. */
const VISIBLE_TITLE_WIDTH = 120;
const VISIBLE_TITLE_HEIGHT = 40;

/** The state to open the window with: the saved one, fitted to today's displays, or the defaults. */
export function loadWindowState(
  file: string,
  workAreas: readonly Rectangle[],
  defaults: WindowStateDefaults,
): WindowState {
  let saved: WindowState | null = null;
  try {
    const parsed = stateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) saved = parsed.data;
  } catch {
    // No file yet, or a broken one: the defaults it is.
  }
  if (!saved) return { width: defaults.width, height: defaults.height, maximized: false };
  const largest = workAreas.reduce(
    (best, area) => (area.width * area.height > best.width * best.height ? area : best),
    workAreas[0] ?? { x: 0, y: 0, width: defaults.width, height: defaults.height },
  );
  const width = clamp(saved.width, defaults.minWidth, Math.max(defaults.minWidth, largest.width));
  const height = clamp(saved.height, defaults.minHeight, Math.max(defaults.minHeight, largest.height));
  const state: WindowState = { width, height, maximized: saved.maximized };
  if (saved.x !== undefined && saved.y !== undefined) {
    const titleBar = {
      x: saved.x,
      y: saved.y,
      width: Math.min(width, VISIBLE_TITLE_WIDTH * 2),
      height: VISIBLE_TITLE_HEIGHT,
    };
    if (workAreas.some((area) => overlapsEnough(titleBar, area))) {
      state.x = saved.x;
      state.y = saved.y;
    }
  }
  return state;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

function overlapsEnough(titleBar: Rectangle, area: Rectangle): boolean {
  const width = Math.min(titleBar.x + titleBar.width, area.x + area.width) - Math.max(titleBar.x, area.x);
  const height = Math.min(titleBar.y + titleBar.height, area.y + area.height) - Math.max(titleBar.y, area.y);
  return width >= Math.min(VISIBLE_TITLE_WIDTH, titleBar.width) && height >= VISIBLE_TITLE_HEIGHT / 2;
}

/** Writes the state atomically (temp file + rename), so a crash mid-write leaves the old file whole. */
export function saveWindowState(file: string, state: WindowState): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state)}\n`);
  renameSync(temporary, file);
}

/** The slice of BrowserWindow that tracking needs (a fake in tests). */
export interface TrackedWindow {
  on(event: 'close' | 'resize' | 'move', listener: () => void): unknown;
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  isFullScreen(): boolean;
}

/**
 * Saves the window's state when it closes (the normal, unmaximised bounds, so "maximised" restores
 * onto the right display at the right size), and also after moves and resizes settle, so a crash or
 * a forced quit still remembers the last layout.
 */
export function trackWindowState(window: TrackedWindow, file: string, settleMs = 1000): () => void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (window.isFullScreen()) return;
    const bounds = window.getNormalBounds();
    try {
      saveWindowState(file, {
        x: Math.round(bounds.x),
        y: Math.round(bounds.y),
        width: Math.round(bounds.width),
        height: Math.round(bounds.height),
        maximized: window.isMaximized(),
      });
    } catch {
      // An unwritable user-data folder must not break closing the window.
    }
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, settleMs);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', save);
  return save;
}
