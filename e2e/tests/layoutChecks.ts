/**
 * Layout checks any spec can run on the page it is showing: the page never scrolls sideways, no
 * visible element sticks out of its pane (where the pane would clip it or the page would have to
 * scroll), and no select is too narrow for the option it shows.
 *
 * An element inside a container that scrolls or clips by design (a code area with `overflow: auto`,
 * a name cut with `text-overflow: ellipsis`, Monaco's internals) is not measured against the pane:
 * the container is, as an element in its own right. Only horizontal overflow is checked: panes scroll
 * vertically by design.
 */
import { expect, type Page } from '@playwright/test';

/** A pane of the app: checked with everything inside it, when visible; `minWidth` is the least usable width. */
export interface LayoutPane {
  selector: string;
  minWidth: number;
}

/** The app's panes. A form or preview narrower than 320 px has no usable width left for its text. */
export const LAYOUT_PANES: readonly LayoutPane[] = [
  { selector: '.start', minWidth: 320 },
  { selector: '.topbar', minWidth: 320 },
  { selector: '.autosave-banners', minWidth: 320 },
  { selector: '.import-notes', minWidth: 320 },
  { selector: '.workspace [role="tablist"]', minWidth: 100 },
  { selector: '.section-form', minWidth: 320 },
  { selector: '.preview-pane', minWidth: 320 },
  { selector: '.export-dialog[open]', minWidth: 320 },
  { selector: '.print-sheet', minWidth: 320 },
];

/** Subtrees that scroll or lay out by design and are not measured inside (the container itself still is). */
const SCROLLS_BY_DESIGN = '.monaco-editor, .monaco-diff-editor, .monaco-aria-container';

/** What is wrong with the page's layout now, one line per problem (an empty list: nothing). */
export async function layoutProblems(page: Page, panes: readonly LayoutPane[] = LAYOUT_PANES): Promise<string[]> {
  return page.evaluate(
    ({ panes, skip }) => {
      const problems: string[] = [];
      const doc = document.documentElement;
      if (doc.scrollWidth > window.innerWidth)
        problems.push(`the page scrolls sideways: ${doc.scrollWidth}px wide in a ${window.innerWidth}px window`);

      const describe = (el: Element) => {
        const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}>${text ? ` "${text}"` : ''}`;
      };
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        // 1 px boxes are the visually-hidden pattern (labels for screen readers, the file input).
        return r.width > 1 && r.height > 1 && style.visibility !== 'hidden' && style.position !== 'fixed';
      };
      /** The nearest ancestor below `pane` that clips or scrolls its content sideways. */
      const clipper = (el: Element, pane: Element): Element | null => {
        for (let a = el.parentElement; a && a !== pane; a = a.parentElement) {
          if (getComputedStyle(a).overflowX !== 'visible') return a;
        }
        return null;
      };

      const canvas = document.createElement('canvas').getContext('2d')!;
      const seen = new Set<Element>();
      for (const { selector, minWidth } of panes) {
        for (const pane of Array.from(document.querySelectorAll(selector))) {
          if (!visible(pane) || seen.has(pane)) continue;
          seen.add(pane);
          const box = pane.getBoundingClientRect();
          if (box.width < minWidth) problems.push(`${selector} is ${Math.round(box.width)}px wide, less than the ${minWidth}px it needs`);
          if (box.left < -1 || box.right > window.innerWidth + 1)
            problems.push(`${selector} sticks out of the window (${Math.round(box.left)}..${Math.round(box.right)})`);
          for (const el of Array.from(pane.querySelectorAll('*'))) {
            if (el.closest(skip) || !visible(el)) continue;
            const container = clipper(el, pane);
            const style = container ? getComputedStyle(container) : null;
            // Inside a scrolling or ellipsis-cutting box the content may be wider: that box is checked instead.
            if (style && (style.overflowX === 'auto' || style.overflowX === 'scroll' || style.textOverflow === 'ellipsis')) continue;
            const bounds = (container ?? pane).getBoundingClientRect();
            const r = el.getBoundingClientRect();
            if (r.left < bounds.left - 1 || r.right > bounds.right + 1) {
              const what = container ? `its clipping box ${describe(container)}` : selector;
              problems.push(
                `${describe(el)} overflows ${what}: ${Math.round(r.left)}..${Math.round(r.right)} outside ${Math.round(bounds.left)}..${Math.round(bounds.right)}`,
              );
            }
            const own = getComputedStyle(el);
            // A box that hides what does not fit (not an ellipsis, not a scroll area) cuts its content off.
            const control = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
            if (
              !control &&
              (own.overflowX === 'hidden' || own.overflowX === 'clip') &&
              own.textOverflow !== 'ellipsis' &&
              el.scrollWidth > el.clientWidth + 1
            )
              problems.push(`${describe(el)} cuts off its content: ${el.scrollWidth}px in ${el.clientWidth}px`);
            if (el instanceof HTMLSelectElement && el.selectedOptions[0]) {
              canvas.font = `${own.fontWeight} ${own.fontSize} ${own.fontFamily}`;
              // Chromium draws the drop-down arrow in about 20 px at the right, inside the padding.
              const needed =
                canvas.measureText(el.selectedOptions[0].text).width + parseFloat(own.paddingLeft) + parseFloat(own.paddingRight) + 20;
              if (needed > el.clientWidth + 1)
                problems.push(
                  `${describe(el)} is ${el.clientWidth}px wide, its option "${el.selectedOptions[0].text}" needs ${Math.ceil(needed)}px`,
                );
            }
            if (el instanceof HTMLInputElement && el.type !== 'checkbox' && el.type !== 'radio' && el.clientWidth < 48)
              problems.push(`${describe(el)} is squeezed to ${el.clientWidth}px`);
          }
        }
      }
      return problems;
    },
    { panes, skip: SCROLLS_BY_DESIGN },
  );
}

/** Fails (naming `where`) if the page scrolls sideways or an element overflows its pane. */
export async function expectLayoutFits(page: Page, where: string, panes?: readonly LayoutPane[]): Promise<void> {
  expect(await layoutProblems(page, panes), `layout problems: ${where} at ${page.viewportSize()?.width ?? '?'} px`).toEqual([]);
}
