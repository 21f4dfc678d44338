import { useEffect, useRef } from 'react';

/** The mapping screen's keys, as the help popover lists them. `mod` is Ctrl, or Cmd on a Mac. */
export const SHORTCUTS: ReadonlyArray<{ keys: string; action: string }> = [
  { keys: 'mod+Z', action: 'Undo' },
  { keys: 'mod+Shift+Z  or  mod+Y', action: 'Redo' },
  { keys: 'mod+S', action: 'Save Mappings (shows the changes first)' },
  { keys: '/', action: 'Search organizations' },
  { keys: '↑  ↓  Home  End', action: 'Move between rows' },
  { keys: 'Enter', action: 'Open the focused row’s Halo client picker' },
  { keys: 'Esc', action: 'Close the picker; again to go back to the row' },
  { keys: 'A', action: 'Accept the focused row’s suggestion' },
  { keys: 'R', action: 'Reject the focused row’s suggestion' },
  { keys: 'X', action: 'Exclude or include the focused row' },
  { keys: 'Space', action: 'Tick the focused row (Shift+click ticks a range)' },
  { keys: '?', action: 'Show these shortcuts' },
];

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function shortcutText(keys: string): string {
  return keys.replaceAll('mod', IS_MAC ? '⌘' : 'Ctrl');
}

export interface ShortcutHandlers {
  undo(): void;
  redo(): void;
  save(): void;
  focusSearch(): void;
  help(): void;
  /** A row key (accept, reject, exclude) on the row holding focus. */
  rowKey(organizationId: string, key: 'accept' | 'reject' | 'exclude'): void;
}

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA';
}

/**
 * The screen's keyboard shortcuts, on the document while the screen is shown. Inside a text field
 * plain keys type and Ctrl/Cmd+Z undoes the typing (the browser's own undo), and nothing fires while a
 * dialog is open, so a shortcut never steals a keystroke meant for something else.
 */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const target = event.target;
      if (target instanceof Element && target.closest('[role="dialog"],[role="alertdialog"],[role="menu"]'))
        return;
      const h = latest.current;
      const mod = IS_MAC ? event.metaKey : event.ctrlKey;
      const key = event.key.toLowerCase();
      if (mod && !event.altKey) {
        if (key === 's') {
          event.preventDefault();
          h.save();
          return;
        }
        if (isTextEntry(target)) return;
        if (key === 'z' && !event.shiftKey) {
          event.preventDefault();
          h.undo();
        } else if ((key === 'z' && event.shiftKey) || key === 'y') {
          event.preventDefault();
          h.redo();
        }
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTextEntry(target)) return;
      if (event.key === '/') {
        event.preventDefault();
        h.focusSearch();
        return;
      }
      if (event.key === '?') {
        event.preventDefault();
        h.help();
        return;
      }
      const rowKeys: Record<string, 'accept' | 'reject' | 'exclude'> = {
        a: 'accept',
        r: 'reject',
        x: 'exclude',
      };
      const action = rowKeys[key];
      if (!action || event.shiftKey) return;
      const row = target instanceof Element ? target.closest<HTMLElement>('[data-row-id]') : null;
      const id = row?.dataset.rowId;
      if (!id) return;
      event.preventDefault();
      h.rowKey(id, action);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
