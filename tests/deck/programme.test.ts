/**
 * The deck follows the event as it ran (src/deck/programme.ts): the opening and the keynote before the
 * sessions they opened, the sessions in order with their messages after each, the closing remarks last, and
 * everything else in the order the analyst wrote it; a session's slides sit under it in the PDFs' bookmarks.
 */
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { Brief } from '../../src/brief/schema.js';
import { buildDeck } from '../../src/deck/build-deck.js';
import { suiteDeck } from '../support/suite.js';

/** A conference: two panels, a keynote and closing remarks, written in an order that is not the programme's. */
function conference(messages: { speaker: string; session?: string }[], sessions = ['panel-1', 'panel-2']) {
  const person = (id: string, part: string, session?: string) => ({ id, name: id, part, ...(session ? { session } : {}), sources: [1] });
  return Brief.parse({
    slug: 'conference',
    lang: 'en',
    dir: 'ltr',
    title: 'A conference',
    source: { title: 'Report' },
    event: { kind: 'Conference', summary: 'A conference.', date: 'unknown', host: { institution: 'Institute' }, sources: [1] },
    sessions: sessions.map((id, i) => ({ id, title: `Panel ${i + 1}`, chair: `mod-${i + 1}`, sources: [1] })),
    people: [
      person('opener', 'opening'),
      person('keynoter', 'keynote'),
      person('closer', 'closing'),
      person('guest', 'speaker'),
      ...sessions.flatMap((id, i) => [person(`mod-${i + 1}`, 'moderator', id), person(`p-${i + 1}`, 'panellist', id)]),
    ],
    // Two points each: a part that said one short point is a line of the programme, not a slide (tested below).
    messages: messages.map((m) => ({
      ...m,
      points: [
        { text: `What ${m.speaker} said.`, sources: [1] },
        { text: 'And more.', sources: [1] },
      ],
    })),
  });
}

const plainText = (r: { text: string }[]) => r.map((x) => x.text).join('');

/** The slides of the parts of the programme: a session's with the speakers whose remarks it holds. */
const order = (brief: ReturnType<typeof conference>) =>
  buildDeck(brief)
    .slides.filter((s) => s.kind === 'session' || s.kind === 'messages')
    .map((s) =>
      s.kind === 'session' && s.body.remarks.length > 0
        ? `${s.titleText} (${s.body.remarks.map((r) => plainText(r.speaker.primary)).join(', ')})`
        : s.titleText,
    );

describe('the programme', () => {
  it('puts the opening and the keynote before the sessions, the closing last, whatever order they were written in', () => {
    const brief = conference([
      { speaker: 'closer' },
      { speaker: 'p-1', session: 'panel-1' },
      { speaker: 'p-2', session: 'panel-2' },
      { speaker: 'keynoter' },
      { speaker: 'opener' },
    ]);
    expect(order(brief)).toEqual(['Opening remarks: opener', 'Keynote: keynoter', 'Panel 1 (p-1)', 'Panel 2 (p-2)', 'Closing remarks: closer']);
  });

  it('keeps the order written for everything else: a speaker between the panels stays between them', () => {
    const brief = conference([{ speaker: 'p-1', session: 'panel-1' }, { speaker: 'guest' }, { speaker: 'p-2', session: 'panel-2' }]);
    expect(order(brief)).toEqual(['Panel 1 (p-1)', 'Key messages: guest', 'Panel 2 (p-2)']);
  });

  it('keeps the sessions in their order, a session without messages after the one before it', () => {
    const brief = conference([{ speaker: 'p-2', session: 'panel-2' }, { speaker: 'keynoter' }], ['panel-1', 'panel-2']);
    // Panel 1 says nothing beyond its line of the programme: it is that line, in its place.
    expect(order(brief)).toEqual(['Keynote: keynoter', 'Panel 2 (p-2)']);
    const rows = buildDeck(brief).slides.flatMap((s) => (s.kind === 'programme' ? s.body.rows.map((r) => r.title.map((x) => x.text).join('')) : []));
    expect(rows).toEqual(['Keynote', 'Panel 1', 'Panel 2']);
  });
});

describe('the programme slide', () => {
  const rowsOf = (brief: ReturnType<typeof conference>) => {
    const deck = buildDeck(brief);
    const slides = deck.slides.filter((s) => s.kind === 'programme') as Extract<(typeof deck.slides)[number], { kind: 'programme' }>[];
    const text = (r: { text: string }[] | null) => (r ?? []).map((x) => x.text).join('');
    return {
      deck,
      rows: slides.flatMap((s) =>
        s.body.rows.map((r) => [text(r.title), text(r.subject), ...r.people.map((p) => `${p.label}: ${text(p.names)}`)].filter(Boolean).join(' | ')),
      ),
    };
  };

  it('lists every part in the order of the event, each session with its subject, its moderator and its panellists', () => {
    const brief = conference([{ speaker: 'closer' }, { speaker: 'keynoter' }, { speaker: 'p-2', session: 'panel-2' }], ['panel-1', 'panel-2', 'panel-3']);
    brief.sessions![0]!.subject = 'Arms control';
    const { rows, deck } = rowsOf(brief);
    expect(rows).toEqual(
      [
        'Keynote: keynoter',
        'Panel 1 | Arms control | Moderator: mod-1 | Panellist: p-1',
        'Panel 2 | Moderator: mod-2 | Panellist: p-2',
        'Panel 3 | Moderator: mod-3 | Panellist: p-3',
        'Closing remarks: closer',
      ].map((r) => r.replace(/^(Keynote|Closing remarks): (\w+)$/, '$1 | null: $2')),
    );
    // A session with nothing more to say is its line; the one with messages keeps its slide, right after the programme's place.
    const titles = deck.slides.map((s) => s.titleText);
    expect(titles.filter((t) => /^Panel \d$/.test(t))).toEqual(['Panel 2']);
    expect(titles.indexOf('Programme')).toBe(2);
  });

  it('is there for several sessions only: a roundtable of speakers has none', () => {
    expect(rowsOf(conference([{ speaker: 'guest' }], ['panel-1'])).rows).toEqual([]);
    expect(rowsOf(conference([{ speaker: 'keynoter' }, { speaker: 'guest' }], ['panel-1'])).rows.length).toBe(3);
  });

  it('names every session of the real conferences in order, and the sessions without messages have no slide of their own', async () => {
    for (const slug of ['basra-cultural-centre-conference', 'bu-pardee-graduate-conference-2016']) {
      const html = await readFile(path.join(suiteDeck(slug), 'index.html'), 'utf8');
      const programme = [...html.matchAll(/<section id="programme[^"]*"[\s\S]*?<\/section>/g)].map((m) => m[0]).join('');
      const parts = [...programme.matchAll(/<p class="programme-part"><strong>([\s\S]*?)<\/strong>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
      expect(parts.length, slug).toBeGreaterThanOrEqual(5);
      expect(html, slug).not.toMatch(/class="slide slide-session/);
    }
  });
});

describe('a session the brief gives no message', () => {
  it('is placed among the other parts where the report tells it (the first paragraph it cites)', () => {
    const at = (speech: number) => {
      const brief = conference([{ speaker: 'guest' }]);
      for (const p of brief.messages![0]!.points) p.sources = [speech];
      brief.sessions![0]!.sources = [3];
      brief.sessions![1]!.sources = [5];
      return order(brief);
    };
    // Two sessions make a programme, whose order this is (the sessions are its lines, not slides).
    expect(at(2)).toEqual(['Key messages: guest']);
    const programmeOf = (speech: number) => {
      const brief = conference([{ speaker: 'guest' }]);
      for (const p of brief.messages![0]!.points) p.sources = [speech];
      brief.sessions![0]!.sources = [3];
      brief.sessions![1]!.sources = [5];
      const deck = buildDeck(brief);
      return deck.slides.flatMap((s) => (s.kind === 'programme' ? s.body.rows.map((r) => r.title.map((x) => x.text).join('')) : []));
    };
    expect(programmeOf(2)).toEqual(['Key messages', 'Panel 1', 'Panel 2']);
    expect(programmeOf(4)).toEqual(['Panel 1', 'Key messages', 'Panel 2']);
    expect(programmeOf(9)).toEqual(['Panel 1', 'Panel 2', 'Key messages']);
  });
});

describe("the PDFs' bookmarks", () => {
  it('nest under a session the slides of its message groups that have a heading of their own', () => {
    const brief = conference([
      { speaker: 'p-1', session: 'panel-1' },
      { speaker: 'mod-1', session: 'panel-1' },
    ]);
    brief.messages![1]!.heading = 'The moderator sums up';
    const slides = buildDeck(brief).slides.filter((s) => s.kind === 'session' || s.kind === 'messages');
    expect(slides.map((s) => `${s.level}:${s.titleText}`)).toEqual(['0:Panel 1', '1:The moderator sums up']);
  });

  it('follow the programme in the deck and in the handout: each session a bookmark, in order', async () => {
    const slug = 'aapso-arab-committees-conference';
    for (const file of [`${slug}.pdf`, `${slug}-handout.pdf`]) {
      const pdf = await getDocument({ data: new Uint8Array(await readFile(path.join(suiteDeck(slug), file))) }).promise;
      const outline = (await pdf.getOutline()) ?? [];
      const titles = outline.map((o) => o.title);
      // The first session said one short point: it is a line of the programme; the second is a slide after it.
      expect(
        titles.filter((t) => t.startsWith('الجلسة')),
        file,
      ).toEqual(['الجلسة الثانية']);
      expect(titles.indexOf('البرنامج'), file).toBeLessThan(titles.indexOf('الجلسة الثانية'));
      await pdf.destroy();
    }
  });
});
