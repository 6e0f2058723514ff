/**
 * Measuring in Chromium: the deck's print page (the slides as the PDF prints them) is written into the
 * deck's folder, shown in a page, and each slide's frame compared with its content. The page keeps showing
 * it, so when the deck fits, the PDF stage prints that page without loading it again.
 */
import path from 'node:path';
import type { Browser } from '../browser/browser.js';
import type { Deck } from '../deck/model.js';
import { PRINT_PAGE, PRINT_VIEWPORT } from '../render/pages.js';
import { renderPrint } from '../render/render.js';
import { writeText } from '../write/output.js';
import type { Fill, Layout, Measure, Overflow } from './fit.js';

/**
 * Runs in the page: the slides whose content does not fit (taller or wider than the frame, or than the
 * slide's body, whose content would otherwise run on into the footer: the frame keeps the footer at its
 * foot, so such a slide is no taller than its frame), and how much of each body the content takes.
 */
function layout(): Layout {
  const overflows: Overflow[] = [];
  const fill: Fill[] = [];
  const over = (e: Element | null) => (e instanceof HTMLElement ? Math.max(e.scrollHeight - e.clientHeight, e.scrollWidth - e.clientWidth) : 0);
  for (const frame of Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides section.slide > .frame'))) {
    const section = frame.parentElement as HTMLElement;
    const id = section.id;
    const group = section.dataset.group ?? id;
    const body = frame.querySelector<HTMLElement>(':scope > .slide-body');
    const by = Math.max(over(frame), over(body));
    if (by > 1) overflows.push({ id, group, by });
    if (body) {
      // From the body's top to the foot of its last box, margins included.
      const top = body.getBoundingClientRect().top;
      let used = 0;
      for (const child of Array.from(body.children)) {
        const margin = Number.parseFloat(getComputedStyle(child).marginBlockEnd) || 0;
        used = Math.max(used, child.getBoundingClientRect().bottom + margin - top);
      }
      fill.push({ id, group, used, room: body.clientHeight });
    }
  }
  return { overflows, fill };
}

export interface PrintPageOptions {
  /** The deck's folder, with its assets. */
  dir: string;
  csp: string;
  /** The assets' state (src/assets/assets.ts assetsVersion). */
  assets: string;
}

/**
 * Writes a deck's print page into its folder and gives its path; the deck written last is not rendered or
 * written again (the fit stage measures it, then the PDF stage prints it).
 */
export function printPageWriter({ dir, csp, assets }: PrintPageOptions): (deck: Deck) => Promise<string> {
  const file = path.join(dir, PRINT_PAGE);
  let written: Deck | undefined;
  return async (deck) => {
    if (deck !== written) {
      await writeText(dir, PRINT_PAGE, await renderPrint({ deck, csp, assets }));
      written = deck;
    }
    return file;
  };
}

export interface BrowserMeasure {
  browser: Browser;
  /** Writes the deck's print page (printPageWriter). */
  printPage: (deck: Deck) => Promise<string>;
  /** Work for mujaz's own thread while Chromium loads the first page. */
  whileLoading?: () => Promise<void>;
}

export function measureInBrowser({ browser, printPage, whileLoading }: BrowserMeasure): Measure {
  let first = true;
  return async (deck: Deck) => {
    const file = await printPage(deck);
    const during = first ? whileLoading : undefined;
    first = false;
    return browser.withPage(async (page) => {
      await page.show(file, { viewport: PRINT_VIEWPORT, swappable: true, ...(during ? { whileLoading: during } : {}) });
      return page.evaluate(layout);
    });
  };
}
