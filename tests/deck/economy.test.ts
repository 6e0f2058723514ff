/**
 * A briefing spends no slide on little (issue 25, ../../../shared/docs/briefing.md): on every deck the suite
 * builds (the bundled brief, every fixture, fitted in Chromium), the sources take one slide, with a map of
 * the slides before it to the paragraphs each cites.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteDeck, suiteSlugs } from '../support/suite.js';

const sections = (html: string, kind: string) =>
  [...html.matchAll(new RegExp(`<section id="[^"]*" class="slide slide-${kind}[^"]*"[\\s\\S]*?</section>`, 'g'))].map((m) => m[0]);

describe('the sources', () => {
  it('put the report and a map of the slides to the paragraphs they cite on one slide, set smaller rather than continued', async () => {
    const slugs = await suiteSlugs();
    expect(slugs.length).toBeGreaterThanOrEqual(9);
    let single = 0;
    for (const slug of slugs) {
      const html = await readFile(path.join(suiteDeck(slug), 'index.html'), 'utf8');
      const slides = sections(html, 'sources');
      const entries = slides.map((s) => [...s.matchAll(/<li><span class="map-slide"[^>]*>([^<]+)<\/span> ([^<]+)<\/li>/g)].length);
      // The whole map is on the first slide; a further slide holds only notes on the report's gaps.
      const cites = /<span class="cite">/.test(html.slice(0, html.indexOf('slide-sources')));
      expect(entries[0]! > 0, slug).toBe(cites);
      expect(
        entries.slice(1).every((n) => n === 0),
        slug,
      ).toBe(true);
      expect(
        slides.slice(1).every((s) => /class="gap"/.test(s)),
        slug,
      ).toBe(true);
      // Every slide before the sources is in the map at most once, by its number.
      const numbers = [...slides[0]!.matchAll(/<span class="map-slide"[^>]*>([^<]+)<\/span>/g)].map((m) => m[1]!);
      expect(new Set(numbers).size, slug).toBe(numbers.length);
      if (slides.length === 1) single++;
    }
    expect(single, 'decks whose sources take one slide').toBe(slugs.length);
  });

  it('show long notes on the report by their first sentence, in one list, each note whole in the speaker notes', async () => {
    const html = await readFile(path.join(suiteDeck('bu-pardee-graduate-conference-2016'), 'index.html'), 'utf8');
    const [slide] = sections(html, 'sources');
    const notes = [...slide!.matchAll(/<div class="gap gaps-short">[\s\S]*?<\/div>/g)].map((m) => m[0]);
    expect(notes.length).toBe(1);
    const items = [...notes[0]!.matchAll(/<span class="item-text">([\s\S]*?)<\/span>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(items.length).toBe(6);
    expect(items.filter((t) => t.endsWith('…')).length).toBeGreaterThan(0);
    // The whole of a shortened note is in the slide's speaker notes.
    const aside = slide!
      .match(/<aside class="notes"[\s\S]*?<\/aside>/)![0]
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ');
    expect(aside).toContain('The brief writes the date the account gives and no date for the second day or for any session.');
  });
});

/** The body of a slide as text: its items and the paragraphs that are not headings. */
const slideItems = (section: string) => (section.match(/<li[ >]/g) ?? []).length;

describe('every deck the suite builds', () => {
  it('continues a list only on slides that share it evenly: the smallest holds at least half of the largest', async () => {
    for (const slug of await suiteSlugs()) {
      const html = await readFile(path.join(suiteDeck(slug), 'index.html'), 'utf8');
      const groups = new Map<string, number[]>();
      for (const m of html.matchAll(/<section id="[^"]*" class="slide [^"]*" data-kind="[^"]*" data-group="([^"]+)"[\s\S]*?<\/section>/g)) {
        groups.set(m[1]!, [...(groups.get(m[1]!) ?? []), slideItems(m[0].replace(/<aside[\s\S]*?<\/aside>/, ''))]);
      }
      for (const [group, counts] of groups) {
        if (counts.length < 2) continue;
        expect(Math.min(...counts), `${slug} ${group}: ${counts.join(' + ')}`).toBeGreaterThanOrEqual(Math.max(...counts) / 2);
      }
    }
  });

  it('sets a list a line or two too long for its one slide closer, in the body type, rather than continuing it', async () => {
    // The PAM side event: the four points of the opening remarks overflowed one slide by 12 px, and went on two
    // (three points and one). Set closer, they are one slide; a snug slide is never a continued one.
    const html = await readFile(path.join(suiteDeck('pam-summit-of-the-future-side-event'), 'index.html'), 'utf8');
    const opening = [...html.matchAll(/<section id="[^"]*" class="slide ([^"]*)" data-kind="messages" data-group="messages-1"[\s\S]*?<\/section>/g)];
    expect(opening.length).toBe(1);
    expect(opening[0]![1]).toContain('snug');
    expect(opening[0]![1]).not.toContain('dense');
    expect(slideItems(opening[0]![0].replace(/<aside[\s\S]*?<\/aside>/, ''))).toBe(4);
    // And a list the estimate put on two slides that one holds set closer: the BU conference's five
    // presentations (270 + 271 px of a 522 px body) were two and three.
    const bu = await readFile(path.join(suiteDeck('bu-pardee-graduate-conference-2016'), 'index.html'), 'utf8');
    const panels = [...bu.matchAll(/<section id="[^"]*" class="slide ([^"]*)" data-kind="discussion"[\s\S]*?<\/section>/g)];
    expect(panels.length).toBe(1);
    expect(panels[0]![1]).toContain('snug');
    expect(slideItems(panels[0]![0].replace(/<aside[\s\S]*?<\/aside>/, ''))).toBe(5);
    for (const slug of await suiteSlugs()) {
      const deck = await readFile(path.join(suiteDeck(slug), 'index.html'), 'utf8');
      const groups = new Map<string, string[]>();
      for (const m of deck.matchAll(/<section id="[^"]*" class="slide ([^"]*)" data-kind="[^"]*" data-group="([^"]+)"/g))
        groups.set(m[2]!, [...(groups.get(m[2]!) ?? []), m[1]!]);
      for (const [group, classes] of groups)
        if (classes.length > 1)
          expect(
            classes.some((c) => /\bsnug\b/.test(c)),
            `${slug} ${group}`,
          ).toBe(false);
    }
  });

  it('prints each speaker note once: no handout page repeats the notes of an earlier one (the title and overview shared the event notes)', async () => {
    const { loadBrief } = await import('../../src/brief/load.js');
    const { buildDeck } = await import('../../src/deck/build-deck.js');
    const { buildHandout } = await import('../../src/deck/handout.js');
    const { notesOnce } = await import('../../src/deck/notes.js');
    const { bundledBriefFile, fixtureBriefs } = await import('../support/suite-briefs.js');
    let shared = 0;
    for (const file of [bundledBriefFile, ...fixtureBriefs]) {
      const loaded = await loadBrief(file);
      const deck = buildDeck(loaded.brief, { theme: loaded.theme });
      const pages = buildHandout(deck, []);
      // No paragraph twice (the overview's own notes on the participants came after the event's again).
      const printed = pages.flatMap((p) => p.notes.map((n) => n.map((r) => r.text).join('')));
      expect(new Set(printed).size, file).toBe(printed.length);
      // The deck keeps them on every slide, for the presenter; the PowerPoint prints them as the handout does.
      if (deck.slides[0]!.notes.length > 0 && JSON.stringify(deck.slides[0]!.notes) === JSON.stringify(deck.slides[1]!.notes)) {
        shared++;
        expect(pages[1]!.notes).toEqual([]);
      }
      expect(notesOnce(deck.slides)).toEqual(pages.map((p) => p.notes));
    }
    expect(shared, 'decks whose title and overview share the event notes').toBeGreaterThan(3);
  });

  it("sets a title band's long lists in rows of their own, below its one-column facts, the hosts first", async () => {
    const band = async (slug: string) => {
      const html = await readFile(path.join(suiteDeck(slug), 'index.html'), 'utf8');
      const dl = /<dl class="facts title-facts">([\s\S]*?)<\/dl>/.exec(html)![1]!;
      return [...dl.matchAll(/<div class="fact( wide)?"><dt>([^<]*)<\/dt>/g)].map((m) => `${m[2]}${m[1] ? ' (wide)' : ''}`);
    };
    // PAM: three partners with long names were a narrow column of eight lines beside the host.
    expect(await band('pam-summit-of-the-future-side-event')).toEqual(['Host', 'With the support of', 'Venue', 'Date', 'Partners (wide)']);
    // Abdelmalek Essaadi: four hosts, first and wide.
    expect((await band('abdelmalek-essaadi-summer-university-opening'))[0]).toBe('الجهات المضيفة (wide)');
    for (const slug of await suiteSlugs()) {
      const facts = await band(slug);
      const firstWide = facts.slice(1).findIndex((f) => f.endsWith('(wide)'));
      if (firstWide >= 0)
        expect(
          facts.slice(1 + firstWide).every((f) => f.endsWith('(wide)')),
          slug,
        ).toBe(true);
    }
  });

  it('spends at most one slide on a single short point (every deck of a real account)', async () => {
    // The two briefs written for tests (english-brief, minimal-brief) hold one item per list on purpose.
    const real = (await suiteSlugs()).filter((slug) => !['english-brief', 'minimal-brief'].includes(slug));
    expect(real.length).toBeGreaterThanOrEqual(8);
    for (const slug of real) {
      const html = await readFile(path.join(suiteDeck(slug), 'index.html'), 'utf8');
      const thin = [...html.matchAll(/<section id="([^"]*)" class="slide slide-(?!title|sources)[\s\S]*?<\/section>/g)].filter((m) => {
        const body = m[0].replace(/<aside[\s\S]*?<\/aside>/, '').replace(/<header[\s\S]*?<\/header>/, '');
        const points = [...body.matchAll(/<span class="item-text">([\s\S]*?)<\/span>/g)].map((p) => p[1]!.replace(/<[^>]+>/g, ''));
        return points.length === 1 && points[0]!.length <= 90 && (body.match(/<li[ >]/g) ?? []).length <= 1;
      });
      expect(
        thin.map((m) => m[1]),
        slug,
      ).toHaveLength(Math.min(thin.length, 1));
    }
  });

  it('does not repeat on the speakers slide who the programme names: the keynote speaker has a slide of his own', async () => {
    const html = await readFile(path.join(suiteDeck('bu-pardee-graduate-conference-2016'), 'index.html'), 'utf8');
    const [speakers] = sections(html, 'speakers');
    expect(speakers).toContain('Paul Hare');
    expect(speakers).not.toContain('John Tirman');
    expect(sections(html, 'messages').join('')).toContain('John Tirman');
  });

  it('has no speakers slide that says nothing new: someone on it has no slide of their own that says who they are', async () => {
    const flat = (t: string) =>
      t
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim();
    const names = (html: string, cls: string) =>
      [...html.matchAll(new RegExp(`<span class="${cls}">((?:<span[^>]*>[^<]*</span>\\s*)?[^<]*)</span>`, 'g'))].map((m) => flat(m[1]!));
    let speakersSlides = 0;
    for (const slug of await suiteSlugs()) {
      const html = await readFile(path.join(suiteDeck(slug), 'index.html'), 'utf8');
      const listed = sections(html, 'speakers').flatMap((s) => names(s, 'person-name'));
      if (listed.length === 0) continue;
      speakersSlides++;
      // Those whose messages slide gives them with their part (no occasion of its own).
      const said = new Set(sections(html, 'messages').flatMap((s) => (/<span class="occasion">/.test(s) ? [] : names(s, 'speaker-name'))));
      expect(
        listed.some((name) => !said.has(name)),
        `${slug}: ${listed.join(', ')}`,
      ).toBe(true);
    }
    expect(speakersSlides, 'decks with a speakers slide').toBeGreaterThan(0);
    // OIC's three speakers each have their message's slide, with their role: no slide only to name them first.
    const oic = await readFile(path.join(suiteDeck('oic-unog-islamophobia-day-geneva'), 'index.html'), 'utf8');
    expect(sections(oic, 'speakers')).toEqual([]);
    expect(sections(oic, 'messages').flatMap((s) => names(s, 'speaker-role'))).toEqual([
      'OIC Secretary-General',
      'UN Human Rights Chief',
      'Chief of the United Nations Office in Geneva',
    ]);
    // IDS's cast stays whole: its patron and keynote speaker have no slide of their own, and its moderator's
    // welcome (his slide's occasion) does not say that he moderated.
    const ids = await readFile(path.join(suiteDeck('ids-nato-istanbul-initiative'), 'index.html'), 'utf8');
    const [idsSpeakers] = sections(ids, 'speakers');
    expect(flat(idsSpeakers!)).toContain('إدارة الجلسة الدكتور صالح عبدالله الراجحي');
  });

  it('shows few attendees on the overview, not on a slide of their own, under the heading the brief gives them', async () => {
    // Basra's and NAUSS's are participants (the brief's `participants.heading`: «المشاركون»), IDS's attendees.
    for (const [slug, group, heading] of [
      ['basra-cultural-centre-conference', '٣٠ باحثا مشاركا', 'المشاركون'],
      ['nauss-counterterrorism-symposium-riyadh', 'متخصصون من وزارات الداخلية والعدل', 'المشاركون'],
      ['ids-nato-istanbul-initiative', 'أساتذة جامعة الملك سعود', 'الحضور'],
    ]) {
      const html = await readFile(path.join(suiteDeck(slug!), 'index.html'), 'utf8');
      expect(sections(html, 'participants'), slug).toEqual([]);
      const [overview] = sections(html, 'overview');
      expect(overview, slug).toContain(`<h3>${heading}</h3>`);
      expect(overview, slug).toContain(group);
    }
  });

  it('does not repeat the slide heading as the label of the list under it', async () => {
    for (const slug of await suiteSlugs()) {
      const html = await readFile(path.join(suiteDeck(slug), 'index.html'), 'utf8');
      for (const m of html.matchAll(/<section id="([^"]*)"[\s\S]*?<h2[^>]*>([\s\S]*?)<\/h2>([\s\S]*?)<\/section>/g)) {
        const title = m[2]!.replace(/<[^>]+>/g, '').trim();
        const labels = [...m[3]!.matchAll(/<h3>([\s\S]*?)<\/h3>/g)].map((h) => h[1]!.replace(/<[^>]+>/g, '').trim());
        expect(labels, `${slug} ${m[1]}`).not.toContain(title);
        // Nor a speaker's occasion that heads the slide («المحاضرة التي افتتحت بها الورشة: …», the Taif workshop).
        for (const o of m[3]!.matchAll(/<span class="occasion">([\s\S]*?)<\/span>/g))
          expect(title, `${slug} ${m[1]}`).not.toContain(o[1]!.replace(/<[^>]+>/g, '').trim());
      }
    }
  });
});

describe('the technology cards', () => {
  it('share their rows evenly: four cards are two rows of two, seven are three, two and two', async () => {
    const { Brief } = await import('../../src/brief/schema.js');
    const { buildDeck } = await import('../../src/deck/build-deck.js');
    const { bundledObject } = await import('../support/variants.js');
    const b = await bundledObject();
    const card = (i: number) => ({ name: `التقنية ${i}`, sources: [20] });
    const grid = (n: number) => {
      b.technologies.concerns = Array.from({ length: n }, (_, i) => card(i + 1));
      const slides = buildDeck(Brief.parse(b)).slides.filter((s) => s.kind === 'technologies') as Extract<
        ReturnType<typeof buildDeck>['slides'][number],
        { kind: 'technologies' }
      >[];
      return { columns: slides[0]!.body.columns, cards: slides.map((s) => s.body.concerns.length) };
    };
    // Two rows of two: on one slide when they fit (the fit stage measures it), else two and two, never three and one.
    expect(grid(4).columns).toBe(2);
    expect([[4], [2, 2]]).toContainEqual(grid(4).cards);
    expect(grid(3)).toEqual({ columns: 3, cards: [3] });
    expect(grid(7).columns).toBe(3);
    expect(grid(7).cards.reduce((a, n) => a + n, 0)).toBe(7);
  });
});
