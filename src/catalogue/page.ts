/**
 * The catalogue page's script (bundled with MiniSearch into `_mujaz/catalogue.js` by scripts/bundle.mjs):
 * as the reader types, the list narrows to the decks whose slides or names hold every word, each with links
 * to its matching slides, and the people index to the names that do. Words are matched by ./search.ts, the
 * code that built the index. Only text is set (textContent), never markup.
 */
import { numberFormat } from '../deck/numbers.js';
import { isQuery, loadIndex, nameMatches, searchIds } from './search.js';

/** What the page carries in `data-index` (./catalogue.ts writes it). */
export interface PageData {
  decks: { href: string; slides: string[] }[];
  /** For each search document: its deck, and its slide (-1 for the deck's names). */
  docs: [number, number][];
  index: unknown;
}

function start(): void {
  const main = document.getElementById('catalogue');
  const input = document.getElementById('catalogue-search') as HTMLInputElement | null;
  const status = document.getElementById('catalogue-status');
  if (!main || !input || !status) return;
  const data = JSON.parse(main.dataset.index ?? '{}') as PageData;
  const index = loadIndex(JSON.stringify(data.index));
  const entries = [...main.querySelectorAll<HTMLElement>('.entry')];
  const people = [...main.querySelectorAll<HTMLElement>('.people-list > li')];
  const lang = document.documentElement.lang;
  const number = numberFormat(lang === 'ar' ? 'ar' : 'en', undefined);
  const say = (template: string, n: number) => template.replace('{n}', number.format(n)).replace('{m}', number.format(entries.length));

  const show = (query: string) => {
    const matched = new Map<number, number[]>();
    const searching = isQuery(query);
    if (searching) {
      for (const id of searchIds(index, query)) {
        const [deck, slide] = data.docs[id] ?? [-1, -1];
        const slides = matched.get(deck) ?? [];
        if (slide >= 0) slides.push(slide);
        matched.set(deck, slides);
      }
    }
    for (const entry of entries) {
      const deck = Number(entry.dataset.deck);
      const slides = matched.get(deck);
      entry.hidden = searching && slides === undefined;
      const box = entry.querySelector<HTMLElement>('.matches');
      const list = box?.querySelector('ol');
      if (!box || !list) continue;
      // The list is made again only when its slides change (a keystroke often keeps them).
      const key = (slides ?? []).join(' ');
      if (box.dataset.shown === key) continue;
      box.dataset.shown = key;
      list.replaceChildren(
        ...(slides ?? []).map((n) => {
          const item = document.createElement('li');
          const link = document.createElement('a');
          link.href = `${data.decks[deck]?.href ?? ''}#/${n}`;
          // «الشريحة ٣: » in the interface's words, the slide's title isolated in its deck's language.
          const [before = '', after = ''] = (box.dataset.slide ?? '{n} {title}').replace('{n}', number.format(n + 1)).split('{title}');
          const title = document.createElement('bdi');
          title.lang = entry.lang;
          title.dir = entry.dir;
          title.textContent = data.decks[deck]?.slides[n] ?? '';
          link.append(before, title, after);
          item.append(link);
          return item;
        }),
      );
      box.hidden = key === '';
    }
    for (const person of people) person.hidden = searching && !nameMatches(person.dataset.terms ?? '', query);
    status.textContent = !searching
      ? say(status.dataset.all ?? '', entries.length)
      : matched.size === 0
        ? (status.dataset.none ?? '')
        : say(status.dataset.shown ?? '', matched.size);
  };

  input.addEventListener('input', () => show(input.value));
  // A query kept by the browser (back from a deck) narrows the list at once.
  if (input.value !== '') show(input.value);
  document.documentElement.setAttribute('data-catalogue-ready', 'true');
}

start();
