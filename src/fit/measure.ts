/**
 * Measuring in Chromium: the deck's print page (the slides as the PDF prints them) is written into the
 * deck's folder, shown in a page, and each slide's frame compared with its content. The page keeps showing
 * it, so when the deck fits, the PDF stage prints that page without loading it again.
 */
import type { Browser } from '../browser/browser.js';
import type { Deck } from '../deck/model.js';
import type { Fill, Layout, Measure, Overflow } from './fit.js';

/**
 * Runs in the page: the slides whose content does not fit (taller or wider than the frame, or than the
 * slide's body, whose content would otherwise run on into the footer: the frame keeps the footer at its
 * foot, so such a slide is no taller than its frame; or a box that runs into another, across a rule, or
 * off the slide), and how much of each body the content takes.
 */
export function layout(): Layout {
  const overflows: Overflow[] = [];
  const fill: Fill[] = [];
  const over = (e: Element | null) => (e instanceof HTMLElement ? Math.max(e.scrollHeight - e.clientHeight, e.scrollWidth - e.clientWidth) : 0);
  type Box = { owner: Element; left: number; right: number; top: number; bottom: number };
  const overlap = (a: Box, b: Box) => ({ x: Math.min(a.right, b.right) - Math.max(a.left, b.left), y: Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) });
  /**
   * How far the slide's boxes run into each other, or out of the slide: each line of text (and each image)
   * against every other element's, against the rules (borders) of the elements that do not hold it, and
   * against the slide's edges. A line's box is its font's full height, taller than the line, so two lines
   * collide only when they share more than 40% of the shorter one's height, and a line crosses a rule only
   * with the middle of its box (where the letters are).
   */
  const collisions = (section: HTMLElement): number => {
    const slide = section.getBoundingClientRect();
    const texts: Box[] = [];
    const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const owner = n.parentElement;
      if (!owner || !n.textContent?.trim() || owner.closest('aside.notes')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of Array.from(range.getClientRects()))
        if (r.width > 0 && r.height > 0) texts.push({ owner, left: r.left, right: r.right, top: r.top, bottom: r.bottom });
    }
    for (const img of Array.from(section.querySelectorAll('img'))) {
      const r = img.getBoundingClientRect();
      texts.push({ owner: img, left: r.left, right: r.right, top: r.top, bottom: r.bottom });
    }
    const rules: Box[] = [];
    for (const e of Array.from(section.querySelectorAll('*'))) {
      const style = getComputedStyle(e);
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const top = Number.parseFloat(style.borderTopWidth) || 0;
      const bottom = Number.parseFloat(style.borderBottomWidth) || 0;
      if (top > 0 && style.borderTopStyle !== 'none') rules.push({ owner: e, left: r.left, right: r.right, top: r.top, bottom: r.top + top });
      if (bottom > 0 && style.borderBottomStyle !== 'none') rules.push({ owner: e, left: r.left, right: r.right, top: r.bottom - bottom, bottom: r.bottom });
    }
    let worst = 0;
    for (const [i, a] of texts.entries()) {
      // Out of the slide.
      worst = Math.max(worst, slide.left - a.left, a.right - slide.right, slide.top - a.top, a.bottom - slide.bottom);
      for (const b of texts.slice(i + 1)) {
        if (a.owner === b.owner || a.owner.contains(b.owner) || b.owner.contains(a.owner)) continue;
        const o = overlap(a, b);
        if (o.x > 2 && o.y > 0.4 * Math.min(a.bottom - a.top, b.bottom - b.top)) worst = Math.max(worst, o.y);
      }
      const inset = (a.bottom - a.top) * 0.3;
      const core = { ...a, top: a.top + inset, bottom: a.bottom - inset };
      for (const rule of rules) {
        const o = overlap(core, rule);
        if (o.x > 2 && o.y > 0) worst = Math.max(worst, o.y + inset);
      }
    }
    return worst;
  };
  for (const frame of Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides section.slide > .frame'))) {
    const section = frame.parentElement as HTMLElement;
    const id = section.id;
    const group = section.dataset.group ?? id;
    const body = frame.querySelector<HTMLElement>(':scope > .slide-body');
    const by = Math.max(over(frame), over(body), collisions(section));
    // The footer (the author or the theme's footer, on every slide) has one height: text that runs out of
    // it is the footer's text's fault, whatever else is on the slide.
    let footerBy = 0;
    const footer = frame.querySelector<HTMLElement>(':scope > .slide-footer');
    if (footer) {
      const f = footer.getBoundingClientRect();
      for (const child of Array.from(footer.children)) {
        const r = child.getBoundingClientRect();
        footerBy = Math.max(footerBy, f.top - r.top, r.bottom - f.bottom);
      }
    }
    if (by > 1 || footerBy > 1) overflows.push({ id, group, by: Math.max(by, footerBy), ...(footerBy > 1 ? { footer: footerBy } : {}) });
    if (body) {
      // From the top of its first box to the foot of its last, margins included (the body places its
      // content in its height, so the content need not start at the body's top).
      let start = Number.POSITIVE_INFINITY;
      let end = Number.NEGATIVE_INFINITY;
      for (const child of Array.from(body.children)) {
        const style = getComputedStyle(child);
        const box = child.getBoundingClientRect();
        start = Math.min(start, box.top - (Number.parseFloat(style.marginBlockStart) || 0));
        end = Math.max(end, box.bottom + (Number.parseFloat(style.marginBlockEnd) || 0));
      }
      fill.push({ id, group, used: end > start ? end - start : 0, room: body.clientHeight });
    }
  }
  return { overflows, fill };
}

/**
 * Writes a deck's print page (the slides as the PDF prints them) into the deck's folder and gives its path;
 * `html()` is the page it wrote last. The core writes it (src/core/print-page.ts); the fit stage shows it.
 */
export type PrintPage = ((deck: Deck) => Promise<string>) & {
  html(): string | undefined;
  /** The window it is shown in (it is laid out at fixed sizes, whatever the window). */
  viewport: { width: number; height: number };
};

export interface BrowserMeasure {
  browser: Browser;
  /** Writes the deck's print page. */
  printPage: PrintPage;
}

/** Runs in the page: sets the slides of `groups` a step larger (or back), in place. */
function setLarger(groups: string[], on: boolean): void {
  for (const section of Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides section.slide'))) {
    if (groups.includes(section.dataset.group ?? '')) section.classList.toggle('light', on);
  }
}

export function measureInBrowser({ browser, printPage }: BrowserMeasure): Measure {
  let shown: { deck: Deck; file: string } | undefined;
  const measure: Measure = async (deck: Deck) => {
    const file = await printPage(deck);
    return browser.withPage(async (page) => {
      await page.show(file, { viewport: printPage.viewport, swappable: true });
      shown = { deck, file };
      return page.evaluate(layout);
    }, file);
  };
  // The step larger is tried in the page just measured, in place: no second page to write, load and settle.
  measure.larger = async (deck, groups) => {
    if (shown?.deck !== deck) return undefined;
    const { file } = shown;
    return browser.withPage(async (page) => {
      if (!page.shows(file)) return undefined;
      const tried = [...groups];
      await page.evaluate(setLarger, tried, true);
      const { overflows } = await page.evaluate(layout);
      const failed = [...new Set(overflows.map((o) => o.group))].filter((g) => groups.has(g));
      if (failed.length > 0) await page.evaluate(setLarger, failed, false);
      return new Set(tried.filter((g) => !failed.includes(g)));
    }, file);
  };
  // The deck the page now shows (the one measured, with the slides that fitted a step larger): its print
  // page is written, and the page knows it shows it.
  measure.adopt = async (deck) => {
    const file = await printPage(deck);
    const html = printPage.html();
    if (html !== undefined) await browser.withPage(async (page) => page.adopt(file, html), file);
    shown = { deck, file };
  };
  return measure;
}
