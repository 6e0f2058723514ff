/**
 * The bundled brief says only what its report says: every person, role, technology and region is checked
 * against the paragraph it cites, and every citation points at a paragraph that exists.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import { Brief } from '../../src/brief/schema.js';

const briefPath = fileURLToPath(new URL('../../briefs/issi-russia-roundtable.yaml', import.meta.url));
const reportPath = fileURLToPath(new URL('../../briefs/sources/issi-russia-roundtable.ar.txt', import.meta.url));

const briefText = readFileSync(briefPath, 'utf8');
const brief = Brief.parse(parse(briefText));

/** Paragraph N = the N-th non-empty line of the report. */
const paragraphs = readFileSync(reportPath, 'utf8')
  .replace(/^\uFEFF/, '')
  .split(/\r?\n/)
  .map((line) => line.trim())
  .filter((line) => line.length > 0);

function paragraph(n: number): string {
  const p = paragraphs[n - 1];
  if (p === undefined) throw new Error(`the report has no paragraph ${n}`);
  return p;
}

/** Compare Arabic text without harakat, tatweel or hamza variants of alef getting in the way. */
function normalize(s: string): string {
  return s
    .replace(/[\u064B-\u0652\u0670\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/[“”«»"]/g, '');
}

interface Cited {
  path: string;
  texts: string[];
  sources: number[];
}

const TEXT_KEYS = ['text', 'name', 'role', 'summary', 'kind', 'institution', 'centre', 'city'] as const;

/** Every object in the brief that cites paragraphs, with the text it states. */
function citedItems(value: unknown, path = 'brief', out: Cited[] = []): Cited[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => citedItems(v, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (Array.isArray(obj.sources)) {
      const texts = TEXT_KEYS.map((k) => obj[k]).filter((v): v is string => typeof v === 'string');
      out.push({ path, texts, sources: obj.sources as number[] });
    }
    for (const [k, v] of Object.entries(obj)) citedItems(v, `${path}.${k}`, out);
  }
  return out;
}

/** Every paragraph number the brief mentions, in `sources` or in a gap's `paragraphs`. */
function citedNumbers(value: unknown, path = 'brief', out: [string, number][] = []): [string, number][] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => citedNumbers(v, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if ((k === 'sources' || k === 'paragraphs') && Array.isArray(v)) {
        for (const n of v) out.push([`${path}.${k}`, n as number]);
      } else {
        citedNumbers(v, `${path}.${k}`, out);
      }
    }
  }
  return out;
}

/** Every string in the brief with its key, for the typography rules. */
function strings(value: unknown, path = 'brief', key = '', out: [string, string, string][] = []) {
  if (typeof value === 'string') out.push([path, key, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, key, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) strings(v, `${path}.${k}`, k, out);
  }
  return out;
}

const cited = citedItems(brief);
const people = [
  ...(brief.delegations ?? []).flatMap((d) => d.members),
  ...(brief.participants?.moderator ? [brief.participants.moderator] : []),
  ...(brief.participants?.joined ?? []),
];

function person(id: string) {
  const p = people.find((x) => x.id === id);
  if (!p) throw new Error(`no person with id ${id}`);
  return p;
}

describe('the bundled brief issi-russia-roundtable', () => {
  it('starts with the schema modeline and validates against Brief', () => {
    expect(briefText.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/brief.schema.json');
    expect(brief.slug).toBe('issi-russia-roundtable');
    expect(brief.lang).toBe('ar');
    expect(brief.dir).toBe('rtl');
    expect(brief.source.file).toBe('sources/issi-russia-roundtable.ar.txt');
  });

  it('reads a report of 23 paragraphs', () => {
    expect(paragraphs).toHaveLength(23);
  });

  it('gives no date, because the report gives none', () => {
    expect(brief.event.date).toBe('unknown');
  });

  it('names the host as the report does', () => {
    expect(brief.author).toBe('معهد الدراسات الاستراتيجية في إسلام آباد');
    expect(brief.event.host).toMatchObject({
      institution: 'معهد الدراسات الاستراتيجية في إسلام آباد',
      centre: 'مركز مراقبة الأسلحة ونزع السلاح',
      city: 'إسلام آباد',
      country: 'باكستان',
    });
    expect(paragraph(1)).toContain('مركز مراقبة الأسلحة ونزع السلاح في معهد الدراسات الاستراتيجية في إسلام آباد');
  });

  it('records the dangling «بما في ذلك» of paragraph 3 as a gap and does not fill it', () => {
    expect(paragraph(3)).toBe('بما في ذلك');
    const gap = brief.source.gaps?.find((g) => g.paragraphs.includes(3));
    expect(gap).toBeDefined();
    expect(gap?.note).toContain('«بما في ذلك»');
  });

  describe('people: name, title and role exactly as the report gives them', () => {
    it.each([
      // id, name, title, role, paragraph
      ['ryabkov', 'ريابكوف', undefined, 'نائب وزير الخارجية', 17],
      ['albert-khorev', 'ألبرت خوريف', 'السفير', 'السفير الروسي لدى باكستان', 4],
      ['sohail-mahmood', 'سهيل محمود', 'السفير', 'المدير العام للمعهد', 5],
      ['khalid-mahmood', 'خالد محمود', 'السفير', 'رئيس مجلس إدارة المعهد', 5],
      ['malik-qasim-mustafa', 'مالك قاسم مصطفى', undefined, 'مدير مركز مراقبة الأسلحة ونزع السلاح', 6],
      ['tahir-hussain-andrabi', 'طاهر حسين أندرابي', 'السفير', 'وكيل وزارة الخارجية المساعد', 7],
    ] as const)('%s is %s, %s', (id, name, title, role, n) => {
      const p = person(id);
      expect(p.name).toBe(name);
      expect(p.title).toBe(title);
      expect(p.role).toBe(role);
      expect(p.sources).toContain(n);
      expect(paragraph(n)).toContain(name);
      expect(paragraph(n)).toContain(role);
      // Khorev's rank is in his role ("السفير الروسي لدى باكستان، ألبرت خوريف"), not before his name.
      if (title) expect(paragraph(n)).toContain(title);
    });

    it.each([
      ['russian-mfa-officials', 'كبار مسؤولي وزارة الخارجية', 4],
      ['acdc-teams', 'أعضاء فريقي مركز مراقبة الأسلحة ونزع السلاح', 5],
    ] as const)('the unnamed group %s is "%s"', (id, role, n) => {
      const p = person(id);
      expect(p.name).toBeUndefined();
      expect(p.role).toBe(role);
      expect(p.sources).toContain(n);
      expect(paragraph(n)).toContain(role);
    });

    it('quotes every name, title and role in the brief verbatim from a paragraph it cites', () => {
      for (const p of people) {
        const text = (p.sources ?? []).map(paragraph).join('\n');
        expect(p.sources?.length, p.id).toBeGreaterThan(0);
        expect(text, p.id).toContain(p.role);
        if (p.name) expect(text, p.id).toContain(p.name);
        if (p.title) expect(text, p.id).toContain(p.title);
      }
    });

    it('gives every person a unique id, and every message a known speaker', () => {
      const ids = people.map((p) => p.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const m of brief.messages ?? []) expect(ids).toContain(m.speaker);
    });

    it("puts Ryabkov and Khorev in the Russian delegation, the Mahmoods in the institute's", () => {
      const members = (id: string) => brief.delegations?.find((d) => d.id === id)?.members.map((m) => m.id) ?? [];
      expect(members('russia')).toEqual(['ryabkov', 'albert-khorev', 'russian-mfa-officials']);
      expect(members('issi')).toEqual(['sohail-mahmood', 'khalid-mahmood', 'acdc-teams']);
    });
  });

  describe('emerging technologies', () => {
    it.each([
      ['الذكاء الاصطناعي', 'AI'],
      ['الأسلحة الأسرع من الصوت', 'Hypersonic weapons'],
      ['القدرات السيبرانية', 'Cyber capabilities'],
    ])('%s (%s) is its own concern, citing paragraph 20', (name, latin) => {
      const c = brief.technologies?.concerns.find((x) => x.name === name);
      expect(c).toBeDefined();
      expect(c?.latin).toBe(latin);
      expect(c?.sources).toEqual([20]);
      expect(paragraph(20)).toContain(name);
    });

    it('lists exactly three', () => {
      expect(brief.technologies?.concerns).toHaveLength(3);
    });
  });

  describe('discussion', () => {
    it('names the regions of paragraph 20: أوروبا، الشرق الأوسط، أفغانستان', () => {
      const topic = brief.discussion?.topics.find((t) => t.regions);
      expect(topic?.regions).toEqual(['أوروبا', 'الشرق الأوسط', 'أفغانستان']);
      expect(topic?.sources).toContain(20);
      for (const r of topic?.regions ?? []) expect(paragraph(20)).toContain(r);
    });

    it('cites paragraph 20 for every topic', () => {
      expect(brief.discussion?.topics).toHaveLength(5);
      for (const t of brief.discussion?.topics ?? []) expect(t.sources).toEqual([20]);
    });
  });

  describe('citations', () => {
    it.each(citedNumbers(brief))('%s cites paragraph %i, which exists', (_path, n) => {
      expect(Number.isInteger(n)).toBe(true);
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(paragraphs.length);
    });

    it.each([
      // a keyword a brief item states, and the paragraph it must cite and occur in
      ['ضبط التسلح', 1],
      ['الاستقرار الإقليمي', 1],
      ['التعاون متعدد الأطراف', 1],
      ['الوفد الروسي', 4],
      ['المسار الإيجابي', 9],
      ['الود', 10],
      ['لا حصر لها', 10],
      ['متعدد الأقطاب', 10],
      ['المجموعة الاستشارية الباكستانية الروسية', 11],
      ['المحافل', 12],
      ['المسؤولية النووية', 14],
      ['دون تمييز', 14],
      ['جنوب آسيا', 14],
      ['نظام ضبط النفس الاستراتيجي', 15],
      ['الجيوسياسية', 16],
      ['توليها روسيا', 17],
      ['الثنائية ومتعددة الأطراف', 18],
      ['الأمن الدولي', 19],
      ['منع الانتشار', 19],
      ['الساخنة', 19],
      ['دبلوماسيون باكستانيون بارزون', 7],
      ['ديناميكيات الأمن الإقليمي', 20],
      ['تداعيات التقنيات الناشئة', 20],
      ['المساواة في السيادة', 21],
      ['الروابط المؤسسية', 22],
      ['التواصل الاستراتيجي', 23],
    ] as const)('«%s» is stated by an item citing paragraph %i, and occurs there', (keyword, n) => {
      const item = cited.find((c) => c.sources.includes(n) && c.texts.some((t) => normalize(t).includes(normalize(keyword))));
      expect(item, `no item citing ${n} states «${keyword}»`).toBeDefined();
      expect(normalize(paragraph(n))).toContain(normalize(keyword));
    });

    const STOPWORDS = new Set(['التي', 'الذي', 'بشأن', 'حول', 'بين', 'ومنه', 'ومنها', 'على', 'إلى', 'الى']);
    it.each(cited.map((c) => [c.path, c] as const))('%s shares a word with the paragraphs it cites', (_path, c) => {
      const text = normalize(c.sources.map(paragraph).join(' '));
      const words = c.texts
        .flatMap((t) => normalize(t).split(/[\s،؛.]+/))
        .map((w) => (w.length > 4 && w.startsWith('و') ? w.slice(1) : w))
        .filter((w) => w.length >= 4 && !STOPWORDS.has(w));
      expect(words.length).toBeGreaterThan(0);
      expect(
        words.some((w) => text.includes(w)),
        `${c.texts.join(' | ')}`,
      ).toBe(true);
    });
  });

  describe('typography', () => {
    // Keys whose values are identifiers, paths or latin names, not Arabic prose.
    const LATIN_KEYS = new Set(['slug', 'lang', 'dir', 'digits', 'file', 'url', 'latin', 'date', 'id', 'speaker', 'created']);
    const arabic = strings(brief).filter(([, key]) => !LATIN_KEYS.has(key));

    it.each(arabic)('%s uses Arabic punctuation, « » quotes, no tatweel and no digits', (_path, _key, s) => {
      expect(s).toMatch(/[\u0600-\u06FF]/);
      expect(s).not.toMatch(/[,;?]/);
      expect(s).not.toMatch(/["'“”‘’]/);
      expect(s).not.toMatch(/\u0640/);
      expect(s).not.toMatch(/[0-9\u0660-\u0669\u06F0-\u06F9]/);
      expect(s).not.toMatch(/[A-Za-z]/);
    });

    it('keeps every point short enough for a slide', () => {
      const points = cited.filter((c) => c.path.includes('points') || c.path.includes('attendees'));
      expect(points.length).toBeGreaterThan(0);
      for (const c of points) for (const t of c.texts) expect(t.length, t).toBeLessThanOrEqual(200);
    });

    it('gives speaker notes of two to four sentences', () => {
      const notes = strings(brief).filter(([, key]) => key === 'notes' || key === 'sources_notes');
      expect(notes.length).toBeGreaterThanOrEqual(9);
      for (const [path, , s] of notes) {
        const sentences = s.split('.').filter((x) => x.trim().length > 0);
        expect(sentences.length, path).toBeGreaterThanOrEqual(2);
        expect(sentences.length, path).toBeLessThanOrEqual(4);
      }
    });
  });
});
