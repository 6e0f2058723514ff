/**
 * The title slide's facts are claims (issue 26): the event's date or range, Hijri date, venue, city, hosts
 * and organisers cite the paragraphs that state them, and `mujaz check --strict` fails at the line of a fact
 * made wrong, one at a time, in every fixture brief, while each brief as written passes. Older briefs
 * without those citations warn, and fail only under --strict. The check's false alarms the issue names
 * (an acronym's plural, a title after an institution's noun, a capital named for its country) are gone, each
 * shown on a real sentence.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBriefText } from '../../src/brief/load.js';
import { checkClaims } from '../../src/lint/claims.js';
import { mentionsIn } from '../../src/lint/dates.js';
import { tokenize } from '../../src/lint/normalise.js';
import { lintBrief } from '../../src/lint/lint.js';
import { bundledBrief, repoRoot, runCli } from '../support/build.js';

const deckBriefs = path.join(repoRoot, 'tests', 'deck', 'briefs');
const lintBriefs = path.join(repoRoot, 'tests', 'lint', 'briefs');
const brief = (dir: string, name: string) => path.join(dir, `${name}.yaml`);

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** The brief's text with `find` (once in it) replaced, written beside a copy of its report; the file. */
async function variant(file: string, find: string, by: string): Promise<{ file: string; text: string }> {
  const original = await readFile(file, 'utf8');
  const at = original.indexOf(find);
  if (at < 0 || original.indexOf(find, at + 1) >= 0) throw new Error(`${JSON.stringify(find)} is not in ${file} exactly once`);
  const text = original.slice(0, at) + by + original.slice(at + find.length);
  const dir = await mkdtemp(path.join(tmpdir(), 'mujaz-title-facts-'));
  dirs.push(dir);
  for (const folder of ['sources', 'themes']) {
    await cp(path.join(path.dirname(file), folder), path.join(dir, folder), { recursive: true, force: true }).catch(() => undefined);
  }
  const out = path.join(dir, path.basename(file));
  await writeFile(out, text);
  return { file: out, text };
}

/** The 1-based line and column of `by` in `text` (its first character, in code points as the CLI counts). */
function lineCol(text: string, by: string, mark: string): [number, number] {
  const at = text.indexOf(by) + by.indexOf(mark);
  const before = text.slice(0, at).split('\n');
  return [before.length, Array.from(before[before.length - 1]!).length + 1];
}

// [brief, what, find, replace by, the mark inside the replacement where the finding must point]
const WRONG: [string, string, string, string, string][] = [
  [brief(deckBriefs, 'bu-pardee-graduate-conference-2016'), 'a wrong day', 'date: { day: 19,', 'date: { day: 18,', '18'],
  [brief(deckBriefs, 'bu-pardee-graduate-conference-2016'), 'a wrong year', 'year: 2016, sources: [2] }', 'year: 2015, sources: [2] }', '2015'],
  [
    brief(deckBriefs, 'bu-pardee-graduate-conference-2016'),
    'a wrong venue',
    'name: Frederick S. Pardee School of Global Studies',
    'name: Frederick S. Pardee School of Management',
    'Frederick',
  ],
  [brief(deckBriefs, 'bu-pardee-graduate-conference-2016'), 'a wrong host', 'institution: PGC\n', 'institution: MIT Center for International Studies\n', 'MIT'],
  [brief(deckBriefs, 'gulf-workshop'), 'a wrong day', '{ day: 2, month: 5, year: 2024', '{ day: 3, month: 5, year: 2024', '3'],
  [brief(deckBriefs, 'gulf-workshop'), 'a wrong month', '{ day: 2, month: 5, year: 2024', '{ day: 2, month: 6, year: 2024', '6'],
  [brief(deckBriefs, 'gulf-workshop'), 'a wrong city', 'city: الدوحة', 'city: الرياض', 'الرياض'],
  [
    brief(deckBriefs, 'gulf-workshop'),
    'a wrong range end',
    'date: { day: 2, month: 5, year: 2024, sources: [1] }',
    'date: { from: 2024-05-02, to: 2024-05-04, sources: [1] }',
    '2024-05-04',
  ],
  [brief(deckBriefs, 'oic-unog-islamophobia-day-geneva'), 'a wrong day', 'day: 15, month: 3', 'day: 14, month: 3', '14'],
  [brief(deckBriefs, 'oic-unog-islamophobia-day-geneva'), 'a wrong weekday', 'weekday: friday, day: 15', 'weekday: thursday, day: 15', 'thursday'],
  [brief(deckBriefs, 'oic-unog-islamophobia-day-geneva'), 'a wrong venue', '    city: Geneva\n', '    city: Vienna\n', 'Vienna'],
  [
    brief(deckBriefs, 'oic-unog-islamophobia-day-geneva'),
    'a wrong host of several',
    '    - institution: United Nations Office in Geneva\n',
    '    - institution: United Nations Office in Vienna\n',
    'United',
  ],
  [
    brief(deckBriefs, 'oic-unog-islamophobia-day-geneva'),
    'a wrong range end',
    'date: { weekday: friday, day: 15, month: 3, sources: [1] }',
    'date: { from: { day: 15, month: 3 }, to: { day: 17, month: 3 }, sources: [1] }',
    '17',
  ],
  [brief(lintBriefs, 'health-security-seminar'), 'a wrong day', 'weekday: sunday, day: 8, month: 10', 'weekday: sunday, day: 9, month: 10', '9'],
  [brief(lintBriefs, 'health-security-seminar'), 'a wrong Hijri day', 'hijri: { text: 18 محرم 1439 هـ', 'hijri: { text: 19 محرم 1439 هـ', '19'],
  [brief(lintBriefs, 'health-security-seminar'), 'a wrong Hijri month', 'hijri: { text: 18 محرم 1439 هـ', 'hijri: { text: 18 صفر 1439 هـ', '18'],
  [brief(lintBriefs, 'health-security-seminar'), 'a wrong Hijri year', 'hijri: { text: 18 محرم 1439 هـ', 'hijri: { text: 18 محرم 1440 هـ', '18'],
  [brief(lintBriefs, 'health-security-seminar'), 'a wrong weekday', 'weekday: sunday', 'weekday: monday', 'monday'],
  [brief(lintBriefs, 'health-security-seminar'), 'a wrong host', 'institution: جامعة الملك عبدالعزيز', 'institution: جامعة الملك سعود', 'جامعة'],
  [
    brief(lintBriefs, 'health-security-seminar'),
    'a venue the report does not give',
    '  host:\n',
    '  venue: { name: قاعة الملك فيصل للمؤتمرات, city: الرياض, sources: [1] }\n  host:\n',
    'قاعة',
  ],
  // A range and a Hijri date in figures («من 14 إلى 16 / 11 / 1430ه الموافق 2 إلى 4 / 11 / 2009م»).
  [brief(deckBriefs, 'nauss-counterterrorism-symposium-riyadh'), 'a wrong range start', 'from: 2009-11-02', 'from: 2009-11-01', '2009-11-01'],
  [brief(deckBriefs, 'nauss-counterterrorism-symposium-riyadh'), 'a wrong range end', 'to: 2009-11-04', 'to: 2009-11-05', '2009-11-05'],
  [
    brief(deckBriefs, 'nauss-counterterrorism-symposium-riyadh'),
    'a wrong month',
    'from: 2009-11-02, to: 2009-11-04',
    'from: 2009-10-02, to: 2009-10-04',
    '2009-10-02',
  ],
  [brief(deckBriefs, 'nauss-counterterrorism-symposium-riyadh'), 'a wrong Hijri range', 'text: 14 إلى 16 / 11 / 1430ه', 'text: 2 إلى 4 / 11 / 1430ه', '2'],
  [brief(deckBriefs, 'nauss-counterterrorism-symposium-riyadh'), 'a wrong Hijri month', 'text: 14 إلى 16 / 11 / 1430ه', 'text: 14 إلى 16 / 12 / 1430ه', '14'],
  // A Moroccan month's name («8 يوليوز 2025»), and four hosts on an equal footing.
  [brief(deckBriefs, 'abdelmalek-essaadi-summer-university-opening'), 'a wrong day', 'day: 8, month: 7', 'day: 9, month: 7', '9'],
  [brief(deckBriefs, 'abdelmalek-essaadi-summer-university-opening'), 'a wrong month', 'day: 8, month: 7', 'day: 8, month: 6', '6'],
  [bundledBrief, 'a wrong city', '    city: إسلام آباد\n', '    city: كراتشي\n', 'كراتشي'],
  [bundledBrief, 'a wrong country', '    country: باكستان\n', '    country: الهند\n', 'الهند'],
  [bundledBrief, 'a wrong centre', '    centre: مركز مراقبة الأسلحة ونزع السلاح\n', '    centre: مركز الدراسات الصينية\n', 'مركز'],
  [brief(deckBriefs, 'ids-nato-istanbul-initiative'), 'a wrong host', 'institution: معهد الدراسات الدبلوماسية', 'institution: معهد الدراسات الإقليمية', 'معهد'],
  [brief(deckBriefs, 'basra-cultural-centre-conference'), 'a wrong host', 'institution: جامعة البصرة', 'institution: جامعة بغداد', 'جامعة'],
  [
    brief(deckBriefs, 'aapso-arab-committees-conference'),
    'a wrong host',
    'institution: منظمة التضامن الأفروأسيوي',
    'institution: منظمة التعاون الإسلامي',
    'منظمة',
  ],
];

describe('a title fact made wrong fails check --strict at its line and column', () => {
  it.each(WRONG)('%s: %s', async (file, _what, find, by, mark) => {
    const made = await variant(file, find, by);
    const result = await runCli(['check', '--strict', made.file]);
    expect(result.code, result.stderr).toBe(1);
    const [line, col] = lineCol(made.text, by, mark);
    const at = [...result.stderr.matchAll(/:(\d+):(\d+): error: (.*)/g)].map((m) => [Number(m[1]), Number(m[2]), m[3]] as const);
    expect(
      at.some(([l]) => l === line),
      `expected an error at line ${line}: ${result.stderr}`,
    ).toBe(true);
    expect(at.some(([l, c]) => l === line && c === col) || at.some(([l, c]) => l === line && Math.abs(c - col) <= 12), result.stderr).toBe(true);
  });
});

describe('the briefs as written', () => {
  const all = [
    bundledBrief,
    ...[
      'aapso-arab-committees-conference',
      'basra-cultural-centre-conference',
      'bu-pardee-graduate-conference-2016',
      'gulf-workshop',
      'ids-nato-istanbul-initiative',
      'oic-unog-islamophobia-day-geneva',
    ].map((n) => brief(deckBriefs, n)),
    brief(lintBriefs, 'health-security-seminar'),
  ];
  it('pass check --strict, every title fact cited', async () => {
    const result = await runCli(['check', '--strict', ...all]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('a date written "unknown" that the report gives', () => {
  it('is warned about at event.date, quoting the date the paragraph gives', async () => {
    const oic = brief(deckBriefs, 'oic-unog-islamophobia-day-geneva');
    const made = await variant(oic, '  date: { weekday: friday, day: 15, month: 3, sources: [1] }\n', '  date: unknown\n');
    const result = await runCli(['check', made.file]);
    const [line] = lineCol(made.text, '  date: unknown\n', 'unknown');
    expect(result.stderr).toContain(
      `:${line}:9: warning: event.date: is "unknown", but paragraph 1 gives a date («March 15»), and the slide would say it is not given in the report`,
    );
  });
});

describe('an older brief, its title facts uncited', () => {
  it('warns at each fact, and fails only under --strict', async () => {
    const seminar = brief(lintBriefs, 'health-security-seminar');
    const older = await variant(
      seminar,
      '  date: { weekday: sunday, day: 8, month: 10, year: 2017, sources: [1] }\n  hijri: { text: 18 محرم 1439 هـ, sources: [1] }\n  host:\n    institution: جامعة الملك عبدالعزيز\n    sources: [1]\n',
      '  date: 2017-10-08\n  hijri: 18 محرم 1439 هـ\n  host:\n    institution: جامعة الملك عبدالعزيز\n',
    );
    const loose = await runCli(['check', older.file]);
    expect(loose.code).toBe(0);
    expect(loose.stderr).toMatch(/:15:\d+: warning: event\.date: cites no paragraph of the report/);
    expect(loose.stderr).toMatch(/date: \{ day: 15, month: 3, year: 2024, sources: \[1\] \}/);
    expect(loose.stderr).toMatch(/:16:\d+: warning: event\.hijri: cites no paragraph of the report/);
    expect(loose.stderr).toMatch(/:18:\d+: warning: event\.host: cites no paragraph of the report/);
    const strict = await runCli(['check', '--strict', older.file]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/: error: event\.date: cites no paragraph of the report/);
  });
});

/** Checks a one-paragraph report and an item of the brief citing it: the findings' messages. */
async function claimsOn(report: string, edit: (text: string) => string): Promise<string[]> {
  const original = await readFile(bundledBrief, 'utf8');
  const dir = await mkdtemp(path.join(tmpdir(), 'mujaz-title-facts-'));
  dirs.push(dir);
  await cp(path.join(path.dirname(bundledBrief), 'sources'), path.join(dir, 'sources'), { recursive: true });
  // The report's first paragraph becomes the sentence under test; everything else is as bundled.
  const file = path.join(dir, 'sources', 'issi-russia-roundtable.ar.txt');
  const lines = (await readFile(file, 'utf8')).split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  lines[first] = report;
  await writeFile(file, lines.join('\n'));
  const briefFile = path.join(dir, 'brief.yaml');
  const text = edit(original);
  await writeFile(briefFile, text);
  const loaded = await loadBriefText(briefFile, new TextEncoder().encode(text));
  return checkClaims(loaded).map((d) => d.message);
}

describe('no false alarm', () => {
  it('on an acronym written in the plural by the report ("WMD" where the report says "WMDs")', async () => {
    // Worded as the reports of the UN conference on a Middle East zone free of WMD (New York, November 2019) word it.
    const found = await claimsOn(
      'Participants discussed the establishment of a Middle East zone free of nuclear weapons and other WMDs, and the role of the IAEA in verifying it.',
      (t) => t.replace('    - text: ضبط التسلح\n      sources: [1]', '    - text: منطقة خالية من أسلحة WMD في الشرق الأوسط\n      sources: [1]'),
    );
    expect(found.filter((m) => m.includes('WMD'))).toEqual([]);
    // The singular still has to be there: an acronym the report never writes is found.
    const other = await claimsOn('Participants discussed the establishment of a Middle East zone free of nuclear weapons and other WMDs.', (t) =>
      t.replace('    - text: ضبط التسلح\n      sources: [1]', '    - text: منطقة خالية من أسلحة WMD ودور IAEA\n      sources: [1]'),
    );
    expect(other.join('\n')).toMatch(/"IAEA"/);
  });

  it('on a title after the noun of an institution («رئيس مجلس إدارة المركز الأمير تركي الفيصل»)', async () => {
    // The King Faisal Center for Research and Islamic Studies and its chairman, worded as news of its events word it.
    const sentence = 'وألقى رئيس مجلس إدارة مركز الملك فيصل للبحوث والدراسات الإسلامية الأمير تركي الفيصل كلمة افتتح بها اللقاء، ورحب فيها بالحضور.';
    const found = await claimsOn(sentence, (t) =>
      t.replace('    - text: ضبط التسلح\n      sources: [1]', '    - text: كلمة افتتاحية ألقاها رئيس مجلس إدارة المركز الأمير تركي الفيصل\n      sources: [1]'),
    );
    expect(found.filter((m) => m.includes('المركز الأمير'))).toEqual([]);
    // The person after the title is still looked for: another prince is found.
    const wrong = await claimsOn(sentence, (t) =>
      t.replace('    - text: ضبط التسلح\n      sources: [1]', '    - text: كلمة افتتاحية ألقاها رئيس مجلس إدارة المركز الأمير خالد الفيصل\n      sources: [1]'),
    );
    expect(wrong.join('\n')).toMatch(/الأمير خالد/);
  });

  it('on an institution spoken of, the noun with its article and a verb after it («أن الجامعة تنظم هذه الندوة»)', async () => {
    // Naif Arab University for Security Sciences' symposium, as the Saudi press reported it (sauress.com/shms/77225).
    const sentence = 'وأوضح الدكتور ابن رقوش أن هذه الندوة المهمة تنظمها الجامعة بصفتها الجهاز العلمي لمجلس وزراء الداخلية العرب.';
    const found = await claimsOn(sentence, (t) =>
      t.replace(
        '    - text: ضبط التسلح\n      sources: [1]',
        '    - text: أوضح أن الجامعة تنظم هذه الندوة بصفتها الجهاز العلمي لمجلس وزراء الداخلية العرب\n      sources: [1]',
      ),
    );
    expect(found.filter((m) => m.includes('"الجامعة'))).toEqual([]);
    // An institution named with an adjective is still looked for: «الجامعة الأردنية» is not in the sentence.
    const wrong = await claimsOn(sentence, (t) =>
      t.replace('    - text: ضبط التسلح\n      sources: [1]', '    - text: أوضح أن الجامعة الأردنية تنظم هذه الندوة\n      sources: [1]'),
    );
    expect(wrong.join('\n')).toMatch(/the institution "الجامعة الأردنية"/);
  });

  it('on a capital named for its country (the host in «… في إسلام آباد», its country Pakistan)', async () => {
    // The bundled report's first paragraph names Islamabad, never Pakistan; the host's country is Pakistan.
    const loaded = await loadBriefText(bundledBrief, await readFile(bundledBrief));
    expect(loaded.report!.paragraphs[0]).toMatch(/في إسلام آباد/);
    expect(loaded.report!.paragraphs[0]).not.toMatch(/باكستان/);
    expect(checkClaims(loaded).map((d) => d.message)).toEqual([]);
    // And in prose: «موقف موسكو» for Russia's position, as the report says it.
    const found = await claimsOn('وعرض نائب وزير الخارجية الروسي موقف موسكو من الاستقرار الاستراتيجي.', (t) =>
      t.replace('    - text: ضبط التسلح\n      sources: [1]', '    - text: موقف روسيا من الاستقرار الاستراتيجي\n      sources: [1]'),
    );
    expect(found.filter((m) => m.includes('روسيا'))).toEqual([]);
    // A country the report does not name, nor its capital, is still found.
    const wrong = await claimsOn('وعرض نائب وزير الخارجية الروسي موقف موسكو من الاستقرار الاستراتيجي.', (t) =>
      t.replace('    - text: ضبط التسلح\n      sources: [1]', '    - text: موقف الصين من الاستقرار الاستراتيجي\n      sources: [1]'),
    );
    expect(wrong.join('\n')).toMatch(/the place "الصين"/);
  });

  it('on a Latin name beside an Arabic affiliation («… SIPRI»), a gloss the Arabic report need not write', async () => {
    const sentence = 'وتحدث في الجلسة دان سميث، مدير معهد ستوكهولم الدولي لأبحاث السلام، عن ضبط التسلح.';
    const found = await claimsOn(sentence, (t) =>
      t.replace(
        '      - id: albert-khorev\n        name: ألبرت خوريف\n        title: السفير\n        role: السفير الروسي لدى باكستان\n        sources: [4]',
        '      - id: albert-khorev\n        name: دان سميث\n        role: مدير\n        affiliation: معهد ستوكهولم الدولي لأبحاث السلام\n        affiliation_latin: SIPRI\n        sources: [1]',
      ),
    );
    expect(found.filter((m) => m.startsWith('delegations[0].members[1]')).join('\n')).toBe('');
    // Written inline, in brackets after the affiliation, it is the same gloss (and the lint says where it belongs).
    const inline = await claimsOn(sentence, (t) =>
      t.replace(
        '      - id: albert-khorev\n        name: ألبرت خوريف\n        title: السفير\n        role: السفير الروسي لدى باكستان\n        sources: [4]',
        '      - id: albert-khorev\n        name: دان سميث\n        role: مدير\n        affiliation: معهد ستوكهولم الدولي لأبحاث السلام (SIPRI)\n        sources: [1]',
      ),
    );
    expect(inline.filter((m) => m.startsWith('delegations[0].members[1]')).join('\n')).toBe('');
    // An acronym in the text itself is still a fact to find.
    const stated = await claimsOn(sentence, (t) =>
      t.replace('    - text: ضبط التسلح\n      sources: [1]', '    - text: ضبط التسلح بحسب SIPRI\n      sources: [1]'),
    );
    expect(stated.join('\n')).toMatch(/"SIPRI" is not in paragraph 1/);
  });
});

describe('the lint of a faithful brief', () => {
  it('has nothing to say of the seminar, its date, Hijri date and host cited', async () => {
    const file = brief(lintBriefs, 'health-security-seminar');
    const loaded = await loadBriefText(file, await readFile(file));
    expect(lintBrief(loaded)).toEqual([]);
  });
});

describe('dates as reports write them', () => {
  const found = (text: string, calendar: 'gregorian' | 'hijri') =>
    mentionsIn(tokenize(text), text, calendar).map((m) => [m.day ?? null, m.month, m.year ?? null]);
  it.each([
    ['عقدت جامعة الملك عبدالعزيز يوم الأحد ١٨ محرم ١٤٣٩هـ الموافق ٨ أكتوبر ٢٠١٧م ندوةً', [[8, 10, 2017]], [[18, 1, 1439]]],
    ['يوم الثلاثاء 5 رجب 1445هـ الموافق 16 يناير 2024م', [[16, 1, 2024]], [[5, 7, 1445]]],
    [
      'خلال الفترة من 3 إلى 5 مارس 2024',
      [
        [3, 3, 2024],
        [5, 3, 2024],
      ],
      [],
    ],
    ['الأربعاء 9 تشرين الأول', [[9, 10, null]], []],
    [
      'يومي 25 و26 تشرين الثاني',
      [
        [25, 11, null],
        [26, 11, null],
      ],
      [],
    ],
    [
      '30 سبتمبر – 2 أكتوبر 2008',
      [
        [30, 9, null],
        [2, 10, 2008],
      ],
      [],
    ],
    ['يوم 15 من شهر آذار 2024', [[15, 3, 2024]], []],
    ['في مارس من عام 2024', [[null, 3, 2024]], []],
    ['5 ربيع الآخر 1446 هـ', [], [[5, 4, 1446]]],
    ['The 5th annual Pardee Graduate Conference began February 19, 2016 at the', [[19, 2, 2016]], []],
    [
      'October 12–14, 2008',
      [
        [12, 10, 2008],
        [14, 10, 2008],
      ],
      [],
    ],
    ['on the 3rd of March 2024', [[3, 3, 2024]], []],
    ['GENEVA, March 15 (KUNA) -- on Friday', [[15, 3, null]], []],
    ['في 15/3/2024', [[15, 3, 2024]], []],
    // The Saudi press's figures: spaced slashes, a range of days before them, a tatweel for a dash.
    [
      'خلال الفترة من 14 إلى 16 / 11 / 1430ه الموافق 2 إلى 4 / 11 / 2009م',
      [
        [2, 11, 2009],
        [4, 11, 2009],
      ],
      [
        [14, 11, 1430],
        [16, 11, 1430],
      ],
    ],
    [
      'خلال الفترة 14 ـ 16 - 11 - 1430هـ',
      [],
      [
        [14, 11, 1430],
        [16, 11, 1430],
      ],
    ],
    ['عام 2020. 15 مشاركا. 3 خبراء', [], []],
    // The Maghreb's names of the months: Morocco's (chamaly.ma/?p=157154), Algeria's and Tunisia's.
    ['احتضنت رئاسة جامعة عبد المالك السعدي، يوم الثلاثاء 8 يوليوز 2025، الجلسة الافتتاحية', [[8, 7, 2025]], []],
    [
      'يوم 5 جويلية 2024 و14 غشت',
      [
        [5, 7, 2024],
        [14, 8, null],
      ],
      [],
    ],
    [
      'أيام 12 و13 و14 أكتوبر 2008',
      [
        [12, 10, 2008],
        [13, 10, 2008],
        [14, 10, 2008],
      ],
      [],
    ],
    ['شارك 30 باحثا في 5 مارس', [[5, 3, null]], []],
    ['يوم الخامس عشر من مارس 2024', [[15, 3, 2024]], []],
    ['في الحادي والعشرين من آذار', [[21, 3, null]], []],
    ['on the fifth of March', [[5, 3, null]], []],
    ['في الجلسة الثانية مارس', [[null, 3, null]], []],
  ] as [string, (number | null)[][], (number | null)[][]][])('%s', (text, gregorian, hijri) => {
    expect(found(text, 'gregorian')).toEqual(gregorian);
    expect(found(text, 'hijri')).toEqual(hijri);
  });
});
