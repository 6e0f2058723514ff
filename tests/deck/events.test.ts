/**
 * Every kind of event (issue 13), on variants of the bundled brief: people and their parts, sessions,
 * organisers and venue, dates (ranges, Hijri, announced), headings from the content, bookmarks that differ.
 */
import path from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadBriefText, type LoadedBrief } from '../../src/brief/load.js';
import { buildDeck } from '../../src/deck/build-deck.js';
import { lintBrief } from '../../src/lint/lint.js';
import type { Deck, Slide } from '../../src/deck/model.js';
import { plain, type Rich } from '../../src/deck/text.js';
import { MujazError } from '../../src/errors.js';
import { renderDeck } from '../../src/render/render.js';
import { bundledBrief } from '../support/build.js';
import { type BriefObject, bundledObject } from '../support/variants.js';

/** Loads `brief` as if it were written beside the bundled one (its report is found). */
async function load(brief: BriefObject): Promise<LoadedBrief> {
  return loadBriefText(path.join(path.dirname(bundledBrief), 'variant.yaml'), Buffer.from(stringify(brief, { lineWidth: 0 })));
}

async function problems(brief: BriefObject): Promise<string[]> {
  const error = await load(brief).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the brief should have been refused').toBeInstanceOf(MujazError);
  return (error as MujazError).diagnostics.map((d) => `${d.line}: ${d.message} | ${d.hint ?? ''}`);
}

const facts = (deck: Deck) => {
  const title = deck.slides[0] as Extract<Slide, { kind: 'title' }>;
  return Object.fromEntries(title.body.facts.map((f) => [f.label, plain(f.value)]));
};

/** A panel in English: an opening speaker, a moderator, panellists, no delegation. */
async function panel(): Promise<BriefObject> {
  const b = await bundledObject();
  b.lang = 'en';
  b.dir = 'ltr';
  delete b.digits;
  b.title = 'Panel on arms control';
  delete b.delegations;
  delete b.participants;
  b.people = [
    { id: 'opener', name: 'Sohail Mahmood', role: 'Director General', part: 'opening', sources: [1] },
    { id: 'mod', name: 'Malik Qasim', part: 'moderator', sources: [2] },
    { id: 'p1', name: 'A. Ryabkov', affiliation: 'Russian Ministry of Foreign Affairs', part: 'panellist', sources: [17] },
    { id: 'p2', name: 'B. Andrabi', part: 'panellist', sources: [4] },
  ];
  b.messages = [
    { speaker: 'opener', points: [{ text: 'Relations are on a positive path.', sources: [5] }] },
    { speaker: 'p1', points: [{ text: 'Arms control needs new forms.', sources: [17] }] },
    { speaker: 'p2', points: [{ text: 'Regional stability comes first.', sources: [18] }] },
  ];
  return b;
}

/** The panel, its panellists in a session chaired by its moderator, and a second session (the programme lists both). */
async function panelInSession(second: { id: string; title: string; chair?: string; sources: number[] }): Promise<BriefObject> {
  const b = await panel();
  b.sessions = [{ id: 'panel', title: 'Panel: arms control and stability', chair: 'mod', sources: [2] }, second];
  b.people[2].session = 'panel';
  b.people[3].session = 'panel';
  return b;
}

describe('people and their parts', () => {
  it('lists speakers under their parts when there is no delegation, and heads each message group by part and name', async () => {
    const deck = buildDeck((await load(await panel())).brief);
    const titles = deck.slides.map((s) => s.titleText);
    expect(titles).toContain('Speakers');
    // Each said one short point: it is beneath their line on the speakers slide, not a slide of its own.
    expect(titles).not.toContain('Opening remarks: Sohail Mahmood');
    expect(titles).not.toContain('Panel remarks');
    expect(titles.some((t) => /Participants and moderation|Key messages$/.test(t))).toBe(false);
    // (The estimate may continue the slide: the groups of all its slides.)
    const all = deck.slides.filter((s) => s.kind === 'speakers') as Extract<Slide, { kind: 'speakers' }>[];
    const speakers = { ...all[0]!, body: { groups: all.flatMap((s) => s.body.groups) } };
    expect(speakers.body.groups.map((g) => g.label)).toEqual(['Opening remarks', 'Moderator', 'Panellists']);
    expect(speakers.body.groups[2]!.people.map((p) => plain(p.primary))).toEqual(['A. Ryabkov', 'B. Andrabi']);
    const said = speakers.body.groups.flatMap((g) => g.people.map((p) => (p.said ? `${plain(p.primary)}: ${plain(p.said.text)}` : plain(p.primary))));
    expect(said).toEqual([
      'Sohail Mahmood: Relations are on a positive path.',
      'Malik Qasim',
      'A. Ryabkov: Arms control needs new forms.',
      'B. Andrabi: Regional stability comes first.',
    ]);
    // Their points' paragraphs are the slide's.
    expect(all.flatMap((s) => s.sources)).toEqual(expect.arrayContaining([5, 17, 18]));
    // Two groups of one speaker keep their slides: a line holds one point.
    const twice = await panel();
    twice.messages.push({ speaker: 'opener', points: [{ text: 'Dialogue must continue.', sources: [5] }] });
    const twiceText = buildDeck((await load(twice)).brief).slides.flatMap((s) => JSON.stringify(s.body));
    expect(twiceText.join('').match(/Relations are on a positive path|Dialogue must continue/g)?.length).toBe(2);
    // With two points, the opening remarks are a slide of their own again.
    const longer = await panel();
    longer.messages[0].points.push({ text: 'Dialogue must continue.', sources: [5] });
    expect(buildDeck((await load(longer)).brief).slides.map((s) => s.titleText)).toContain('Opening remarks: Sohail Mahmood');
    // A role is not required; the affiliation is shown where the role would be.
    expect(speakers.body.groups[2]!.people[0]!.secondary && plain(speakers.body.groups[2]!.people[0]!.secondary)).toBe('Russian Ministry of Foreign Affairs');
  });

  it('shows a Latin name isolated beside the Arabic one, and alone in an English deck', async () => {
    const b = await bundledObject();
    b.delegations[0].members[0].latin = 'Sergey Ryabkov';
    const deck = buildDeck((await load(b)).brief);
    const html = await renderDeck({ deck, csp: '' });
    expect(html).toMatch(/<span class="person-latin"><bdi lang="en" dir="ltr">Sergey Ryabkov<\/bdi><\/span>/);
    const en = await panel();
    en.people[1] = { ...en.people[1], name: 'مالك قاسم', latin: 'Malik Qasim' };
    const deckEn = buildDeck((await load(en)).brief);
    const speakers = deckEn.slides.find((s) => s.kind === 'speakers') as Extract<Slide, { kind: 'speakers' }>;
    const mod = speakers.body.groups.find((g) => g.label === 'Moderator')!.people[0]!;
    expect(plain(mod.primary)).toBe('Malik Qasim');
    expect(mod.latin).toBeNull();
  });

  it('refuses a person with neither a name nor a role, at that person', async () => {
    const b = await panel();
    b.people[3] = { id: 'p2', part: 'panellist', sources: [4] };
    const [p] = await problems(b);
    expect(p).toMatch(/people\[3\]: gives neither a name nor a role \| write the name the report gives/);
  });
});

describe('headings from the content', () => {
  it('does not head an event nobody moderated as moderated', async () => {
    const b = await bundledObject();
    delete b.participants.moderator;
    expect(buildDeck((await load(b)).brief).slides.map((s) => s.titleText)).toContain('المشاركون');
    delete b.participants.joined;
    expect(buildDeck((await load(b)).brief).slides.map((s) => s.titleText)).toContain('الحضور');
    b.participants.heading = 'من حضر';
    expect(buildDeck((await load(b)).brief).slides.map((s) => s.titleText)).toContain('من حضر');
  });

  it('does not set the kind of event above a title that begins by saying it', async () => {
    const b = await bundledObject();
    const kicker = async () => {
      const deck = renderDeck({ deck: buildDeck((await load(b)).brief), csp: '' });
      return /<p class="kicker">([^<]*)<\/p>/.exec(await deck)?.[1] ?? null;
    };
    b.event.kind = 'مؤتمر علمي';
    b.title = 'المؤتمر العلمي الأول للمركز الثقافي';
    expect(await kicker()).toBeNull();
    b.title = 'مؤتمرٌ علميّ دولي';
    expect(await kicker()).toBeNull();
    // A kind that says more than the title's first words stays: «ورشة عمل مغلقة» above «ورشة عمل حول …».
    b.event.kind = 'ورشة عمل مغلقة';
    b.title = 'ورشة عمل حول أمن الملاحة';
    expect(await kicker()).toBe('ورشة عمل مغلقة');
    b.event.kind = 'مؤتمر';
    b.title = 'نحو نظام عربي جديد';
    expect(await kicker()).toBe('مؤتمر');
    b.lang = 'en';
    b.dir = 'ltr';
    b.event.kind = 'Conference';
    b.title = 'The Conference to Commemorate the Day';
    expect(await kicker()).toBeNull();
  });

  it("cites on a speaker's slide the paragraphs that name the speaker, with those of what they said", async () => {
    const b = await bundledObject();
    // Sohail Mahmood's post is in paragraph 5 of the report; his welcome, in paragraphs 9 to 12.
    const slide = buildDeck((await load(b)).brief).slides.find((s) => s.titleText.includes('المسار الإيجابي'));
    expect(slide?.citeLine).toBe('الفقرات ٥، ٩–١٢');
  });

  it('never gives two bookmarks the same words', async () => {
    const b = await bundledObject();
    for (const m of b.messages) {
      delete m.heading;
      delete m.occasion;
    }
    const deck = buildDeck((await load(b)).brief);
    const bookmarks = deck.slides.map((s) => s.bookmark);
    expect(new Set(bookmarks).size).toBe(bookmarks.length);
    expect(bookmarks.filter((t) => t.startsWith('الرسائل الرئيسية: سهيل محمود'))).toEqual([
      'الرسائل الرئيسية: سهيل محمود (١)',
      'الرسائل الرئيسية: سهيل محمود (٢)',
    ]);
  });

  it('numbers a repeated title past one that already reads as numbered', async () => {
    const b = await bundledObject();
    b.messages[0].heading = 'رسائل';
    b.messages[1].heading = 'رسائل (٢)';
    b.messages[2].heading = 'رسائل';
    const bookmarks = buildDeck((await load(b)).brief).slides.map((s) => s.bookmark);
    expect(new Set(bookmarks).size).toBe(bookmarks.length);
  });

  it("takes any section's heading from the brief", async () => {
    const b = await bundledObject();
    b.event.heading = 'عن اللقاء';
    b.discussion.heading = 'ما دار في النقاش';
    b.conclusions.heading = 'ما اتفق عليه';
    b.sources_heading = 'المراجع';
    const titles = buildDeck((await load(b)).brief).slides.map((s) => s.titleText);
    for (const t of ['عن اللقاء', 'ما دار في النقاش', 'ما اتفق عليه', 'المراجع']) expect(titles).toContain(t);
  });
});

describe('sessions', () => {
  it('shows each session with its chair and what each of its speakers said; a session that said one short point is its line of the programme', async () => {
    const b = await panel();
    b.sessions = [
      { id: 'opening', title: 'Opening session', chair: 'mod', sources: [1] },
      { id: 'panel', title: 'Panel: arms control and stability', chair: 'mod', sources: [2] },
    ];
    b.people[0].session = 'opening';
    b.people[2].session = 'panel';
    b.people[3].session = 'panel';
    b.messages[0].session = 'opening';
    b.messages[1].session = 'panel';
    b.messages[2].session = 'panel';
    const deck = buildDeck((await load(b)).brief);
    const order = deck.slides.map((s) => `${s.kind}:${s.titleText}`);
    // The opening session said one short point: the programme's line holds it, under the session's people.
    expect(order).not.toContain('session:Opening session');
    const programme = deck.slides.find((s) => s.kind === 'programme') as Extract<Slide, { kind: 'programme' }>;
    const opening = programme.body.rows.find((r) => plain(r.title) === 'Opening session')!;
    expect(opening.said && plain(opening.said.text)).toBe('Relations are on a positive path.');
    // The panel is a slide of its own: its chair, then each speaker's points under their name and role.
    expect(order.indexOf('programme:Programme')).toBeLessThan(order.indexOf('session:Panel: arms control and stability'));
    expect(order.some((o) => o.startsWith('messages:'))).toBe(false);
    const panelSlide = deck.slides.find((s) => s.titleText.startsWith('Panel: arms')) as Extract<Slide, { kind: 'session' }>;
    expect(panelSlide.body.chair && plain(panelSlide.body.chair.primary)).toBe('Malik Qasim');
    expect(panelSlide.body.remarks.map((r) => `${plain(r.speaker.primary)}: ${r.points.map((p) => plain(p.text)).join(' ')}`)).toEqual([
      'A. Ryabkov: Arms control needs new forms.',
      'B. Andrabi: Regional stability comes first.',
    ]);
    expect(panelSlide.body.groups).toEqual([]);
    // The moderator in no session is still on the speakers slide, headed by their part.
    expect(order).toContain('speakers:Moderator');
    const alone = deck.slides.find((s) => s.kind === 'speakers') as Extract<Slide, { kind: 'speakers' }>;
    expect(alone.body.groups.map((g) => g.label)).toEqual([null]);
  });

  it("says of a session's people whose part the report does not give that they were in the session, beside its chair", async () => {
    const b = await panelInSession({ id: 'second', title: 'Second session', chair: 'opener', sources: [3] });
    b.people.push({ id: 'x1', name: 'Hassan Karrar', session: 'second', sources: [3] }, { id: 'x2', name: 'Arif Nizami', session: 'second', sources: [3] });
    const deck = buildDeck((await load(b)).brief);
    const rows = deck.slides.flatMap((s) => (s.kind === 'programme' ? s.body.rows : []));
    const row = (title: string) => rows.find((r) => plain(r.title) === title)?.people.map((p) => `${p.label}: ${plain(p.names)}`);
    expect(row('Second session')).toEqual(['Chair: Sohail Mahmood', 'In the session: Hassan Karrar, Arif Nizami']);
    expect(row('Panel: arms control and stability')).toEqual(['Moderator: Malik Qasim', 'Panellists: A. Ryabkov, B. Andrabi']);
  });

  it('gives the words two speakers of a session share once, under both their lines', async () => {
    const b = await panelInSession({ id: 'other', title: 'Second panel', sources: [3] });
    b.messages[1] = {
      speaker: 'p1',
      session: 'panel',
      points: [{ text: 'Arms control and the division of the region, the subject of the session.', sources: [17] }],
    };
    b.messages[2] = {
      speaker: 'p2',
      session: 'panel',
      points: [{ text: 'Arms control and the division of the region, the subject of the session.', sources: [17] }],
    };
    const slide = buildDeck((await load(b)).brief).slides.find((s) => s.titleText.startsWith('Panel: arms')) as Extract<Slide, { kind: 'session' }>;
    expect(slide.body.remarks.map((r) => [plain(r.speaker.primary), r.with.map((w) => plain(w.primary)), r.points.length])).toEqual([
      ['A. Ryabkov', ['B. Andrabi'], 1],
    ]);
  });

  it('makes a discussion of one short topic the last line of the programme, not a slide of one point', async () => {
    const b = await panelInSession({ id: 'other', title: 'Second panel', sources: [3] });
    b.discussion = { intro: 'A discussion followed the panels', topics: [{ text: 'The final statement', sources: [19] }], notes: 'Who spoke is not said.' };
    let deck = buildDeck((await load(b)).brief);
    expect(deck.slides.map((s) => s.kind)).not.toContain('discussion');
    const programme = deck.slides.filter((s): s is Extract<Slide, { kind: 'programme' }> => s.kind === 'programme');
    const last = programme.at(-1)!.body.rows.at(-1)!;
    expect([plain(last.title), last.subject && plain(last.subject), last.said && plain(last.said.text)]).toEqual([
      'Discussion',
      'A discussion followed the panels',
      'The final statement',
    ]);
    // Its notes go with the programme's.
    expect(JSON.stringify(programme.at(-1)!.notes)).toContain('Who spoke is not said.');
    b.discussion.topics.push({ text: 'Regional stability', sources: [19] });
    deck = buildDeck((await load(b)).brief);
    expect(deck.slides.map((s) => s.kind)).toContain('discussion');
  });

  it('refuses a session, chair or speaker id that names nothing, with "did you mean"', async () => {
    const b = await panel();
    b.sessions = [{ id: 'opening', title: 'Opening', chair: 'modd' }];
    b.messages[0].session = 'openin';
    const found = await problems(b);
    expect(found.some((p) => /sessions\[0\]\.chair: no person has the id "modd" \| did you mean "mod"\?/.test(p))).toBe(true);
    expect(found.some((p) => /messages\[0\]\.session: no session has the id "openin" \| did you mean "opening"\?/.test(p))).toBe(true);
  });
});

describe('organisers, venue and dates', () => {
  it('says the host is not given when the report names no organiser (host: unknown), and asks for one or the other', async () => {
    const b = await bundledObject();
    b.event.host = 'unknown';
    const loaded = await load(b);
    expect(facts(buildDeck(loaded.brief))['الجهة المضيفة']).toBe('غير مذكورة في التقرير');
    delete b.event.host;
    const [p] = await problems(b);
    expect(p).toMatch(/event\.host: names no host.*host: unknown when the report names none/);
  });

  it('names co-organisers and partners with their Latin names, and a venue apart from the host', async () => {
    const b = await bundledObject();
    b.event.host.latin = 'Institute of Strategic Studies Islamabad';
    b.event.organisers = [
      { institution: 'وزارة الخارجية الروسية', latin: 'MFA of Russia', sources: [4] },
      { institution: 'جامعة قائد أعظم', relation: 'partner', sources: [4] },
    ];
    b.event.venue = { name: 'قاعة المؤتمرات', city: 'إسلام آباد' };
    const f = facts(buildDeck((await load(b)).brief));
    expect(f['الجهة المضيفة']).toMatch(/Institute of Strategic Studies Islamabad$/);
    expect(f['بالتعاون مع']).toBe('وزارة الخارجية الروسية MFA of Russia');
    expect(f.الشركاء).toBe('جامعة قائد أعظم');
    expect(f.المكان).toBe('قاعة المؤتمرات، إسلام آباد');
  });

  it('says a supporter gave its support («بدعم من»), not its patronage («برعاية»)', async () => {
    // «وبدعم من سفارة إسبانيا بالمغرب» (chamaly.ma/?p=157154).
    const b = await bundledObject();
    b.event.organisers = [
      { institution: 'سفارة إسبانيا بالمغرب', relation: 'supporter', sources: [1] },
      { institution: 'وزارة الخارجية الروسية', relation: 'sponsor', sources: [4] },
    ];
    const f = facts(buildDeck((await load(b)).brief));
    expect(f['بدعم من']).toBe('سفارة إسبانيا بالمغرب');
    expect(f.برعاية).toBe('وزارة الخارجية الروسية');
    const en = await panel();
    en.event.organisers = [{ institution: 'Embassy of Spain in Morocco', relation: 'supporter', sources: [1] }];
    expect(facts(buildDeck((await load(en)).brief))['With the support of']).toBe('Embassy of Spain in Morocco');
  });

  it('writes a range of days as the reader writes it, Arabic and English, with the Hijri date beside', async () => {
    const b = await bundledObject();
    b.event.date = { from: '2008-10-12', to: '2008-10-14' };
    b.event.hijri = '12–14 شوال 1429 هـ';
    expect(facts(buildDeck((await load(b)).brief)).التاريخ).toBe('١٢–١٤ أكتوبر ٢٠٠٨ (١٢–١٤ شوال ١٤٢٩ هـ)');
    const en = await panel();
    en.event.date = { from: '2008-10-12', to: '2008-10-14' };
    expect(facts(buildDeck((await load(en)).brief)).Date).toBe('12–14 October 2008');
    en.event.date = '2024-10-25';
    expect(facts(buildDeck((await load(en)).brief)).Date).toBe('25 October 2024');
    en.event.date_format = 'month-day-year';
    expect(facts(buildDeck((await load(en)).brief)).Date).toBe('October 25, 2024');
  });

  it('spaces the dash between two dates of different months or years, and shows the Hijri date alone when that is all', async () => {
    const en = await panel();
    en.event.date = { from: '2008-12-30', to: '2009-01-02' };
    expect(facts(buildDeck((await load(en)).brief)).Date).toBe('30 December 2008 – 2 January 2009');
    const b = await bundledObject();
    b.event.date = { from: '2008-09-30', to: '2008-10-02' };
    expect(facts(buildDeck((await load(b)).brief))['التاريخ']).toBe('٣٠ سبتمبر – ٢ أكتوبر ٢٠٠٨');
    b.event.date = 'unknown';
    b.event.hijri = '18 محرم 1439 هـ';
    expect(facts(buildDeck((await load(b)).brief))['التاريخ']).toBe('١٨ محرم ١٤٣٩ هـ');
  });

  it("sets a Hijri date in figures to be read: the year's letter «هـ» beside Arabic-Indic digits", async () => {
    // As the Saudi press writes it (sauress.com/shms/77225): «من 14 إلى 16 / 11 / 1430ه الموافق 2 إلى 4 / 11 / 2009م».
    const b = await bundledObject();
    b.event.date = { from: '2009-11-02', to: '2009-11-04' };
    b.event.hijri = '14 إلى 16 / 11 / 1430ه';
    // A bare «ه» after «١٤٣٠» reads as a «٥».
    expect(facts(buildDeck((await load(b)).brief)).التاريخ).toBe('٢–٤ نوفمبر ٢٠٠٩ (١٤ إلى ١٦ / ١١ / ١٤٣٠هـ)');
  });

  it("refuses a session's Hijri date written as a Gregorian one too", async () => {
    const b = await panel();
    b.sessions = [{ id: 'opening', title: 'Opening', date: '1439-01-18' }];
    expect((await problems(b))[0]).toMatch(/sessions\[0\]\.date: is not a Gregorian date/);
  });

  it('says an announced event is announced by the report, as of the report, never "not yet held"', async () => {
    const en = await panel();
    en.event.status = 'announced';
    en.event.date = '2017-03-01';
    let f = facts(buildDeck((await load(en)).brief));
    expect(f['Announced for']).toBe('1 March 2017');
    expect(f.Status).toBe('Announced in the report');
    expect(f.Date).toBeUndefined();
    en.source.date = '2017-01-15';
    f = facts(buildDeck((await load(en)).brief));
    expect(f.Status).toBe('Announced in the report of 15 January 2017');
    const ar = await bundledObject();
    ar.event.status = 'announced';
    ar.source.date = '2008-09-01';
    ar.event.date = { from: { day: 12, month: 10 }, to: { day: 14, month: 10 }, sources: [1] };
    const shown = facts(buildDeck((await load(ar)).brief));
    expect(shown['الموعد المعلن']).toBe('١٢–١٤ أكتوبر');
    expect(shown['الحالة']).toBe('أعلن عنه التقرير الصادر في ١ سبتمبر ٢٠٠٨');
    expect(JSON.stringify(shown)).not.toMatch(/لم ينعقد|not yet/);
  });

  it('shows a date as the report gives it, in part or whole; «غير مذكور في التقرير» only when it gives none', async () => {
    const ar = await bundledObject();
    const shownAr = async (date: unknown) => {
      ar.event.date = date;
      return facts(buildDeck((await load(ar)).brief))['التاريخ'];
    };
    expect(await shownAr({ weekday: 'wednesday', day: 9, month: 10, sources: [1] })).toBe('الأربعاء، ٩ أكتوبر');
    expect(await shownAr({ weekday: 'wednesday', day: 9, sources: [1] })).toBe('الأربعاء ٩');
    expect(await shownAr({ weekday: 'wednesday', sources: [1] })).toBe('الأربعاء');
    expect(await shownAr({ month: 3, year: 2024, sources: [1] })).toBe('مارس ٢٠٢٤');
    expect(await shownAr({ day: 16, month: 1, year: 2024, weekday: 'tuesday', sources: [1] })).toBe('الثلاثاء، ١٦ يناير ٢٠٢٤');
    expect(await shownAr({ day: 16, month: 1, year: 2024, sources: [1] })).toBe('١٦ يناير ٢٠٢٤');
    expect(await shownAr('unknown')).toBe('غير مذكور في التقرير');
    const en = await panel();
    en.event.date = { weekday: 'friday', day: 15, month: 3, sources: [1] };
    expect(facts(buildDeck((await load(en)).brief)).Date).toBe('Friday 15 March');
    en.event.date = { from: '2008-09-30', to: '2008-10-02', sources: [1] };
    expect(facts(buildDeck((await load(en)).brief)).Date).toBe('30 September – 2 October 2008');
  });

  it('shows several hosts on an equal footing, labelled in number with them, and refuses host: with hosts:', async () => {
    const b = await bundledObject();
    const one = b.event.host;
    delete b.event.host;
    b.event.hosts = [one, { institution: 'معهد ستوكهولم الدولي لأبحاث السلام', latin: 'SIPRI', sources: [1] }];
    let deck = buildDeck((await load(b)).brief);
    expect(facts(deck)['الجهتان المضيفتان']).toBe(
      'مركز مراقبة الأسلحة ونزع السلاح، معهد الدراسات الاستراتيجية في إسلام آباد، معهد ستوكهولم الدولي لأبحاث السلام SIPRI',
    );
    expect(deck.author).toBe('معهد الدراسات الاستراتيجية في إسلام آباد');
    b.event.hosts.push({ institution: 'جامعة القائد الأعظم', sources: [1] });
    deck = buildDeck((await load(b)).brief);
    expect(Object.keys(facts(deck))).toContain('الجهات المضيفة');
    b.event.host = one;
    expect((await problems(b))[0]).toMatch(/event\.hosts: gives both host: and hosts:/);
    delete b.event.host;
    delete b.event.hosts;
    expect((await problems(b))[0]).toMatch(/event\.host: names no host/);
  });

  it("shows an institution's Latin name beside its Arabic one: a delegation's side, a person's affiliation", async () => {
    const b = await bundledObject();
    b.delegations[1].side_latin = 'ISSI';
    b.delegations[1].members[0].affiliation = 'معهد الدراسات الاستراتيجية';
    b.delegations[1].members[0].affiliation_latin = 'ISSI';
    const deck = buildDeck((await load(b)).brief);
    const slide = deck.slides.find((s) => s.kind === 'delegation' && plain((s.body as { side: Rich | null }).side ?? []).includes('ISSI'));
    expect(slide, 'the side with its Latin name').toBeDefined();
    const member = (slide!.body as { members: { secondary: Rich | null }[] }).members[0]!;
    expect(plain(member.secondary ?? [])).toBe('المدير العام للمعهد، معهد الدراسات الاستراتيجية ISSI');
    expect((member.secondary ?? []).some((r) => r.isolate && r.text === 'ISSI')).toBe(true);
  });

  it('warns of a weekday the date was not, at the weekday, and refuses a day the month does not have', async () => {
    const b = await bundledObject();
    b.event.date = { weekday: 'monday', day: 8, month: 10, year: 2017, sources: [1] };
    const warned = lintBrief(await load(b)).map((d) => d.message);
    expect(warned).toContain('event.date.weekday: 2017-10-08 was a sunday, not a monday');
    b.event.date = { day: 30, month: 2, sources: [1] };
    expect((await problems(b))[0]).toMatch(/event\.date: has no day 30 in month 2/);
  });

  // fault: impossible-dates (tests/robustness/faults.ts)
  it('refuses a Hijri date written as a Gregorian one, at its line, with a hint that names event.hijri', async () => {
    const b = await bundledObject();
    b.event.date = '1439-01-18';
    const [p] = await problems(b);
    expect(p).toMatch(/event\.date: is not a Gregorian date of this event \(the year is before 1900\).*\| .*event\.hijri/);
    b.event.date = { from: '2008-10-14', to: '2008-10-12' };
    expect((await problems(b))[0]).toMatch(/event\.date: ends before it starts/);
  });
});

describe('labels from the part', () => {
  const labelsOf = (deck: ReturnType<typeof buildDeck>, kind: Slide['kind']) =>
    deck.slides.filter((s) => s.kind === kind).map((s) => [s.titleText, ...(s.body as { groups: { label: string | null }[] }).groups.map((g) => g.label)]);

  it('agree in number in Arabic, give no heading to a part the report does not give nor call its person a speaker, and never repeat the slide heading', async () => {
    const b = await bundledObject();
    delete b.delegations;
    delete b.messages;
    const person = (id: string, name: string, part?: string) => ({ id, name, ...(part ? { part } : {}), sources: [1] });
    b.people = [person('a', 'سهيل محمود', 'opening'), person('b', 'مالك قاسم مصطفى', 'opening'), person('c', 'طاهر حسين أندرابي', 'opening')];
    expect(labelsOf(buildDeck((await load(b)).brief), 'speakers')).toEqual([['الكلمات الافتتاحية', null]]);
    b.people = [person('a', 'سهيل محمود', 'keynote'), person('b', 'مالك قاسم مصطفى', 'keynote'), person('c', 'طاهر حسين أندرابي', 'speaker')];
    expect(labelsOf(buildDeck((await load(b)).brief), 'speakers')).toEqual([['المتحدثون', 'المتحدثان الرئيسيان', 'المتحدث']]);
    // Someone whose part the report does not give is not called a speaker, by the group or by the slide.
    b.people = [person('a', 'سهيل محمود'), person('b', 'مالك قاسم مصطفى', 'speaker')];
    expect(labelsOf(buildDeck((await load(b)).brief), 'speakers')).toEqual([['الشخصيات', 'المتحدث', null]]);
    b.people = [person('a', 'سهيل محمود'), person('b', 'مالك قاسم مصطفى')];
    expect(labelsOf(buildDeck((await load(b)).brief), 'speakers')).toEqual([['الشخصيات', null]]);
    b.people = [person('a', 'سهيل محمود', 'patron'), person('b', 'مالك قاسم مصطفى', 'speaker')];
    expect(labelsOf(buildDeck((await load(b)).brief), 'speakers')).toEqual([['المتحدثون والحضور', 'بحضور', 'المتحدث']]);
  });

  it("name a session's moderator as moderating and its chair as chairing", async () => {
    const b = await bundledObject();
    b.sessions = [{ id: 's1', title: 'الجلسة الأولى', chair: 'malik-qasim-mustafa', sources: [1] }];
    b.messages[0].session = 's1'; // a session with messages of its own has a slide
    const deck = async () => buildDeck((await load(b)).brief).slides.find((s) => s.kind === 'session') as Extract<Slide, { kind: 'session' }>;
    b.participants.moderator.part = 'moderator';
    expect((await deck()).body.chairLabel).toBe('إدارة الجلسة');
    b.participants.moderator.part = 'chair';
    expect((await deck()).body.chairLabel).toBe('رئاسة الجلسة');
  });
});
