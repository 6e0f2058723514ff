/** The technologies of concern, as numbered cards in a grid, cut into slides by whole rows. */
import type { Concern } from '../../brief/schema.js';
import type { Rich } from '../text.js';
import { allSources, type ClaimFields, defineKind, INTRO_SPACE, lines } from './kind.js';

export interface ConcernView {
  name: Rich;
  latin: Rich | null;
  text: Rich | null;
  cite: string | null;
  /** 1-based position, formatted in the deck's digits. */
  marker: string;
}

export interface TechnologiesBody {
  intro: Rich | null;
  concerns: ConcernView[];
  /** The grid's columns: its longest row's cards (at most three), the same on every slide of the list. */
  columns: number;
}

/** The most cards side by side (the grid's columns in templates/theme/mujaz.css). */
const CARDS_PER_ROW = 3;
/** A card with a name, its Latin name and a citation, in lines of body type. */
const CARD_LINES = 4.65;
/** A card's text: characters per line at the card's measure, and lines of body type per line (smaller type). */
const CARD_TEXT_CHARS = 28;
const CARD_TEXT_LINE = 0.83;
/** The gap between two rows of cards. */
const ROW_GAP = 0.48;

/** A technology's name is no person's or institution's: its words are prose, like the text about it. */
const CONCERN_CLAIMS = { name: 'text', latin: { latinOf: 'name' }, text: 'text' } as const satisfies ClaimFields<Concern>;

export const technologies = defineKind<TechnologiesBody>()({
  kind: 'technologies',
  reads: ['technologies'],
  scaffold: 'technologies',
  labels: { ar: { technologies: 'مخاوف التقنيات الناشئة' }, en: { technologies: 'Emerging-technology concerns' } },
  slides(ctx) {
    const te = ctx.brief.technologies;
    if (!te) return;
    // A slide holds whole rows, and a row is as tall as its tallest card.
    const cards = te.concerns.map((c, j) => ({ c, j, marker: ctx.nf.format(j + 1) }));
    // As few rows as three columns allow, the cards shared evenly between them (four cards: two rows of two,
    // not three and one), so that a list that continues does so evenly too.
    const count = Math.ceil(cards.length / CARDS_PER_ROW);
    const rows: (typeof cards)[] = [];
    for (let r = 0, k = 0; r < count; r++) {
      const size = Math.ceil((cards.length - k) / (count - r));
      rows.push(cards.slice(k, k + size));
      k += size;
    }
    const columns = Math.max(1, ...rows.map((row) => row.length));
    ctx.add({
      group: 'technologies',
      title: te.heading ?? ctx.labels.technologies,
      notes: te.notes,
      sources: allSources(...te.concerns.map((c) => c.sources)),
      list: rows,
      weight: (row) => Math.max(...row.map(({ c }) => CARD_LINES + (c.text ? lines(c.text, CARD_TEXT_CHARS) * CARD_TEXT_LINE : 0))) + ROW_GAP,
      reserved: te.intro ? lines(te.intro) + INTRO_SPACE : 0,
      origins: (row) => row.map(({ j }) => ['technologies', 'concerns', j, 'text']),
      fixed: [['technologies', 'intro']],
      body: (chunk, first) => ({
        intro: first ? ctx.maybe(te.intro) : null,
        columns,
        concerns: chunk
          .flat()
          .map(({ c, marker }) => ({ name: ctx.rich(c.name), latin: ctx.maybe(c.latin), text: ctx.maybe(c.text), cite: ctx.cite(c.sources), marker })),
      }),
    });
  },
  citable: (brief) =>
    (brief.technologies?.concerns ?? []).map((c, j) => ({ path: ['technologies', 'concerns', j], sources: c.sources, claims: CONCERN_CLAIMS })),
  notes: (brief) => (brief.technologies ? [{ path: ['technologies'], notes: brief.technologies.notes, name: 'the technologies slide' }] : []),
});
