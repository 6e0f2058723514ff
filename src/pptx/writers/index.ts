/**
 * What each slide kind shows, as PowerPoint shapes: one writer per kind, a module here each, reading the
 * kind's typed body as its partial (templates/partials/<kind>.hbs) does, on the page (../page.ts). Titles
 * are title placeholders, the text that flows is the body placeholder's (PowerPoint's outline shows both),
 * points are bulleted paragraphs, the sources a table, the technologies cards, the logos pictures; every
 * slide has the deck's footer. Adding a kind: its module here, and its place in WRITERS.
 */
import type { Slide, SlideKind } from '../../deck/model.js';
import type { Page, Writer } from '../page.js';
import { conclusions } from './conclusions.js';
import { delegation } from './delegation.js';
import { discussion } from './discussion.js';
import { messages } from './messages.js';
import { overview } from './overview.js';
import { participants } from './participants.js';
import { programme } from './programme.js';
import { session } from './session.js';
import { sources } from './sources.js';
import { speakers } from './speakers.js';
import { technologies } from './technologies.js';
import { title } from './title.js';

/** The writer of each kind: a kind added to the deck without one here fails to compile. */
const WRITERS: { [K in SlideKind]: Writer<K> } = {
  title,
  overview,
  programme,
  delegation,
  speakers,
  participants,
  session,
  messages,
  discussion,
  technologies,
  conclusions,
  sources,
};

export function writeSlide(slide: Slide, page: Page): void {
  (WRITERS[slide.kind] as Writer<SlideKind>)(slide as never, page);
}
