import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * Computed-style snapshots beside the screenshots, for CSS refactors whose promise is "the screens look
 * the same": with HALO_STYLE_SNAPSHOTS=1 every screenshot also writes `<name>.styles.json`, the computed
 * values of the properties that decide how each element looks, keyed by the element's place in the page.
 * `scripts/compare-style-snapshots.mjs before/ after/` then lists every element whose look changed, which
 * a pixel diff cannot do reliably here (random ports and timings already change a third of the pixels).
 * Off by default: the normal test run neither pays for it nor writes it.
 */

export const STYLE_SNAPSHOTS_ENABLED = process.env.HALO_STYLE_SNAPSHOTS === '1';

/** Properties that change what a technician sees; layout results (sizes, positions) come from the box. */
const LOOK_PROPERTIES = [
  'display',
  'position',
  'visibility',
  'opacity',
  'color',
  'background-color',
  'background-image',
  'border-top-width',
  'border-right-width',
  'border-bottom-width',
  'border-left-width',
  'border-top-style',
  'border-right-style',
  'border-bottom-style',
  'border-left-style',
  'border-top-color',
  'border-right-color',
  'border-bottom-color',
  'border-left-color',
  'border-top-left-radius',
  'border-top-right-radius',
  'border-bottom-left-radius',
  'border-bottom-right-radius',
  'box-shadow',
  'outline-style',
  'outline-width',
  'outline-color',
  'outline-offset',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'line-height',
  'letter-spacing',
  'text-transform',
  'text-align',
  'text-decoration-line',
  'text-overflow',
  'white-space',
  'overflow-x',
  'overflow-y',
  'flex-direction',
  'flex-wrap',
  'flex-grow',
  'flex-shrink',
  'flex-basis',
  'align-items',
  'align-self',
  'justify-content',
  'row-gap',
  'column-gap',
  'grid-template-columns',
  'grid-template-rows',
  'grid-row-start',
  'grid-column-start',
  'grid-column-end',
  'list-style-type',
  'cursor',
  'z-index',
  'transform',
  '-webkit-line-clamp',
  'min-width',
  'max-width',
  'min-height',
  'max-height',
] as const;

export async function saveStyleSnapshot(page: Page, file: string): Promise<void> {
  const snapshot = await page.evaluate((properties) => {
    const out: Record<string, Record<string, string>> = {};
    const keyOf = (element: Element): string => {
      const parts: string[] = [];
      for (
        let node: Element | null = element;
        node && node !== document.documentElement;
        node = node.parentElement
      ) {
        const parent: Element | null = node.parentElement;
        const index = parent ? Array.from(parent.children).indexOf(node) : 0;
        parts.unshift(`${node.tagName.toLowerCase()}${index}`);
      }
      return parts.join('/');
    };
    const read = (style: CSSStyleDeclaration, rect: DOMRect | null): Record<string, string> => {
      const values: Record<string, string> = {};
      for (const property of properties) values[property] = style.getPropertyValue(property);
      if (rect) values.box = [rect.x, rect.y, rect.width, rect.height].map((n) => Math.round(n)).join(',');
      return values;
    };
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      const key = keyOf(element);
      const values = read(getComputedStyle(element), element.getBoundingClientRect());
      values.class = element.getAttribute('class') ?? '';
      out[key] = values;
      for (const pseudo of ['::before', '::after'] as const) {
        const style = getComputedStyle(element, pseudo);
        if (style.content !== 'none' && style.content !== 'normal')
          out[`${key}${pseudo}`] = read(style, null);
      }
    }
    return out;
  }, LOOK_PROPERTIES);
  writeFileSync(file, JSON.stringify(snapshot));
}
