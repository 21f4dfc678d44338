import { decodeHTML } from 'entities';

/**
 * Halo's web UI stores some names HTML-encoded ("Baker &amp; Co", "O&#39;Brien"), and some twice
 * ("&amp;amp;"), so this decodes up to twice. `entities` (fb55, used by parse5 and htmlparser2) has the
 * full HTML5 table including numeric and legacy forms, which a hand-made table would not. The backend
 * decodes each Halo name once, where it enters (electron/halo/clean-name.ts), so every screen, match and
 * export sees the readable name; the renderer never decodes.
 */
export function decodeHtmlEntities(text: string): string {
  let current = text;
  for (let pass = 0; pass < 2 && current.includes('&'); pass++) {
    const decoded = decodeHTML(current);
    if (decoded === current) break;
    current = decoded;
  }
  return current;
}
