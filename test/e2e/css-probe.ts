import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * Finds CSS declarations that change nothing, for refactors that promise "less CSS, same screens": with
 * HALO_CSS_PROBE=1 every screenshot also writes `<name>.probe.json`. For each declaration of each rule
 * whose selector matches an element on the screen, the probe removes the declaration, compares the full
 * computed style of every matched element (and its ::before/::after) with what it was, and puts the
 * declaration back. A declaration that changes nothing on any screen where it applies is redundant there:
 * overridden by a later rule, or equal to what the element inherits or starts with.
 * `scripts/css-probe-report.mjs <dir>` adds the screens up. Rules whose selector matches nothing (hover,
 * pressed, dark theme, motion) are listed apart: the probe cannot judge them.
 * If an element's full computed style is unchanged, its descendants' cannot change either, so the probe
 * need not look further than the matched elements.
 */

export const CSS_PROBE_ENABLED = process.env.HALO_CSS_PROBE === '1';

export interface ProbeEntry {
  /** `@media ... | selector | property` */
  key: string;
  matched: number;
  changed: boolean;
  /**
   * The selectors of the rule's list that matched nothing on this screen: "changes nothing" says nothing
   * about them (a folded row's problem line once hid behind its reasons this way).
   */
  unseen: string[];
}

export async function saveCssProbe(page: Page, file: string): Promise<void> {
  const entries = await page.evaluate((): ProbeEntry[] => {
    const out: ProbeEntry[] = [];
    const full = (element: Element, pseudo: string | null): string => {
      const style = getComputedStyle(element, pseudo);
      let text = '';
      for (let i = 0; i < style.length; i++) {
        const property = style[i] as string;
        text += `${property}:${style.getPropertyValue(property)};`;
      }
      return text;
    };
    const PSEUDO = /::?(before|after|placeholder)\b/;
    const declarationsOf = (cssText: string): string[] => {
      const body = cssText.slice(cssText.indexOf('{') + 1, cssText.lastIndexOf('}'));
      return body
        .split(';')
        .map((part) => part.slice(0, part.indexOf(':')).trim())
        .filter((name) => name.length > 0);
    };
    const probeRule = (rule: CSSStyleRule, context: string) => {
      const targets: { element: Element; pseudo: string | null }[] = [];
      const unseen: string[] = [];
      for (const selector of rule.selectorText.split(',').map((part) => part.trim())) {
        const pseudo = selector.match(PSEUDO);
        const base = pseudo ? selector.replace(PSEUDO, '') || '*' : selector;
        let elements: Element[];
        try {
          elements = Array.from(document.querySelectorAll(base));
        } catch {
          continue;
        }
        if (elements.length === 0) unseen.push(selector);
        for (const element of elements) targets.push({ element, pseudo: pseudo ? `::${pseudo[1]}` : null });
      }
      const original = rule.style.cssText;
      for (const property of declarationsOf(rule.cssText)) {
        const key = `${context}|${rule.selectorText}|${property}`;
        if (targets.length === 0) {
          out.push({ key, matched: 0, changed: false, unseen });
          continue;
        }
        const before = targets.map((target) => full(target.element, target.pseudo));
        rule.style.removeProperty(property);
        const changed = targets.some(
          (target, index) => full(target.element, target.pseudo) !== before[index],
        );
        rule.style.cssText = original;
        out.push({ key, matched: targets.length, changed, unseen });
      }
    };
    const walk = (rules: CSSRuleList, context: string) => {
      for (const rule of Array.from(rules)) {
        if (rule instanceof CSSStyleRule) probeRule(rule, context);
        else if (rule instanceof CSSMediaRule) {
          const media = `@media ${rule.conditionText}`;
          if (window.matchMedia(rule.conditionText).matches) walk(rule.cssRules, media);
          else
            for (const inner of Array.from(rule.cssRules))
              if (inner instanceof CSSStyleRule)
                for (const property of declarationsOf(inner.cssText))
                  out.push({
                    key: `${media}|${inner.selectorText}|${property}`,
                    matched: 0,
                    changed: false,
                    unseen: [inner.selectorText],
                  });
        }
      }
    };
    for (const sheet of Array.from(document.styleSheets)) walk(sheet.cssRules, '');
    return out;
  });
  writeFileSync(file, JSON.stringify(entries));
}
