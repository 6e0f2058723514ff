/**
 * The people a report names, where its wording makes a name plain: in Arabic a title before the name
 * («السفير سهيل محمود») or a part's wording before it («وأدار الجلسة مالك قاسم مصطفى، مدير …»); in English
 * a post or title before a capitalised name ("Assistant Professor Anne Short") or "by" before it ("a keynote
 * speech by John Tirman, executive director of …"). Each mention with its post or affiliation as written and
 * its part from the nearest wording before it (or, in English, the verb after it). A name whose end the
 * wording does not make plain is left out: better a placeholder than a wrong name.
 */
import type { Part } from '../brief/schema.js';
import { bareForms, type Token } from '../lint/normalise.js';
import { isStop, statedNumbers } from '../lint/report-index.js';
import { INSTITUTION_HEADS } from '../lint/words.js';
import { BREAK, between, isIn, plainText, type Sentence, span } from './text.js';
import {
  AR_CUES,
  AR_SAYS,
  AR_NAME_JOINERS,
  AR_NOT_NAMES,
  AR_POSTS,
  AR_SESSION_ORDINALS,
  AR_TITLE_MORE,
  AR_TITLES,
  type Cue,
  EN_CUES,
  EN_HONORIFICS,
  EN_NOT_NAMES,
  EN_POSTS,
} from './words.js';

export interface Mention {
  n: number;
  /** The name's words, in the tokenizer's form. */
  words: string[];
  name: string;
  title?: string;
  /** The name in Latin letters, when the report gives it in brackets. */
  latin?: string;
  role?: string;
  affiliation?: string;
  /** The part the wording gives, null where it gives none. */
  part: Part | null;
  /** The session named before it in its paragraph («الجلسة الثانية التي أدارها …»), by its title as written. */
  session?: string;
  /** Where it is: the paragraph's offsets of the name, and of each word's end. */
  start: number;
  end: number;
  ends: number[];
  /** The paragraph. */
  text: string;
  /** Its end is not plain: kept only if a shorter mention elsewhere gives the name. */
  unclear?: true;
  /** English: a verb of speaking or presenting soon after the name ("Dr. X explored …", "Mr. Y focused on …"). */
  acts?: true;
}

/** What a speaker does in an English account, soon after their name. */
const EN_ACTS =
  /^(explored|looked|focused|focussed|spoke|presented|discussed|argued|examined|analy[sz]ed|talked|highlighted|stressed|noted|said|emphasi[sz]ed|underlined|elaborated|outlined|reviewed|described|explained|shared|gave|delivered|offered|raised|addressed)$/;

/** The form without the conjunction و/ف (the drafter's word lists are written without it). */
export function noConj(form: string): string {
  let known = NO_CONJ.get(form);
  if (known === undefined) {
    known = /^[وف]/.test(form) && form.length > 2 && !/^(وفد|وفي|فيها|في|وزير|وزيره|وكيل|وكيله|فريق|فهد)$/.test(form) ? form.slice(1) : form;
    if (NO_CONJ.size > 50_000) NO_CONJ.clear();
    NO_CONJ.set(form, known);
  }
  return known;
}

const NO_CONJ = new Map<string, string>();

/** The cues by their first word, longest first. */
const CUES_BY_FIRST = new Map<string, Cue[]>();
for (const cue of AR_CUES) {
  const list = CUES_BY_FIRST.get(cue.words[0]!) ?? [];
  list.push(cue);
  CUES_BY_FIRST.set(cue.words[0]!, list);
}

/** The cue that starts at token i, if one does. */
export function cueAt(tokens: readonly Token[], i: number, s: Sentence): Cue | undefined {
  const t0 = tokens[i];
  if (!t0) return undefined;
  const candidates = [...(CUES_BY_FIRST.get(t0.form) ?? []), ...(noConj(t0.form) === t0.form ? [] : (CUES_BY_FIRST.get(noConj(t0.form)) ?? []))];
  if (candidates.length === 0) return undefined;
  candidates.sort((a, b) => b.words.length - a.words.length);
  for (const cue of candidates) {
    let ok = true;
    for (let k = 0; k < cue.words.length; k++) {
      const t = tokens[i + k];
      if (!t || (k > 0 && BREAK.test(between(s, tokens[i + k - 1], t)))) {
        ok = false;
        break;
      }
      const f = t.form;
      const want = cue.words[k]!;
      if (!(f === want || noConj(f) === want)) {
        ok = false;
        break;
      }
    }
    if (ok) return cue;
  }
  return undefined;
}

function isTitle(t: Token | undefined): boolean {
  if (t?.kind !== 'arabic') return false;
  return AR_TITLES.has(t.form) || AR_TITLES.has(noConj(t.form));
}

const isPost = (t: Token | undefined) => t !== undefined && t.kind === 'arabic' && (AR_POSTS.has(noConj(t.form)) || isIn(t, AR_POSTS));
const isInstitution = (t: Token | undefined) => t !== undefined && bareForms(t.form).some((f) => INSTITUTION_HEADS.has(f) || INSTITUTION_HEADS.has(`ال${f}`));

/** A word that cannot be part of a name: a stop word, a post, a title, a cue, an institution's noun. */
function notName(tokens: readonly Token[], k: number, s: Sentence, first = false): boolean {
  const t = tokens[k]!;
  // «علي» inside a name (the preposition is written «على»).
  if (s.text.slice(t.start, t.end) === 'علي') return false;
  return (
    t.kind !== 'arabic' ||
    // «علي» (a name) is «على» (a preposition) once normalised: the report's own letters tell them apart.
    (first
      ? /^(في|من|علي|الي|عن|مع|لدي|ان|الذي|التي|هو|هي)$/.test(t.form) && s.text.slice(t.start, t.end) !== 'علي'
      : isStop(t.form) && s.text.slice(t.start, t.end) !== 'علي') ||
    isPost(t) ||
    isTitle(t) ||
    cueAt(tokens, k, s) !== undefined ||
    isInstitution(t) ||
    AR_NOT_NAMES.has(t.form) ||
    AR_NOT_NAMES.has(noConj(t.form)) ||
    /^(من|في)(كليه|جامعه|معهد|مركز|وزاره)/.test(t.form)
  );
}

/** Up to three words of a name (four with a joiner), from token j; whether its end is plain. */
function nameFrom(tokens: readonly Token[], j: number, s: Sentence): { words: Token[]; clear: boolean } | undefined {
  const words: Token[] = [];
  let k = j;
  let joiners = 0;
  while (k < tokens.length && words.length < 3 + joiners) {
    const t = tokens[k]!;
    if (words.length > 0 && BREAK.test(between(s, tokens[k - 1], t))) break;
    // The first word may be one a stop list holds («آنا» is «أنا» once normalised); a particle it may not.
    if (words.length === 0 ? notName(tokens, k, s, true) : notName(tokens, k, s)) break;
    // A name does not open with the article («السفير الروسي»); «ألكسندر» does not have it.
    if (words.length === 0 && /^[وف]?ال/.test(s.text.slice(t.start, t.end)) && !t.form.startsWith('الله')) return undefined;
    if (AR_NAME_JOINERS.has(t.form)) joiners++;
    words.push(t);
    k++;
  }
  if (words.length < 2) return undefined;
  const next = tokens[k];
  const clear = next === undefined || BREAK.test(between(s, tokens[k - 1], next)) || notName(tokens, k, s);
  return { words, clear };
}

/** What stands after a name: a post («، المدير العام للمعهد») or an affiliation («من كلية التربية»). */
function after(tokens: readonly Token[], k: number, s: Sentence): { role?: string; affiliation?: string } {
  const t = tokens[k];
  if (!t) return {};
  const gap = between(s, tokens[k - 1], t);
  if (!/^\s*\)?\s*[،,]?\s*$/.test(gap)) return {};
  const numbers = new Set(statedNumbers(tokens).map((x) => x.index));
  const until = (from: number, max: number): number => {
    let e = from;
    while (e + 1 < tokens.length && e + 1 - from < max) {
      const u = tokens[e + 1]!;
      // A title ends the post, unless it is in an institution's name («بجامعة الملك سعود»).
      const title = isTitle(u) && !isInstitution(tokens[e]);
      // An institution's Latin name or acronym goes on the post («الرئيس التنفيذي لمعهد IEMed»); other Latin ends it.
      const latinName = u.kind === 'latin' && isInstitution(tokens[e]);
      if (
        /[،,؛;:.!?()«»"“”/\\|]/.test(between(s, tokens[e], u)) ||
        numbers.has(e + 1) ||
        cueAt(tokens, e + 1, s) ||
        title ||
        (u.kind !== 'arabic' && !latinName)
      )
        break;
      e++;
    }
    return e;
  };
  if (isPost(t)) return { role: span(s, t, tokens[until(k, 14)]!) };
  if (t.form === 'من' && isInstitution(tokens[k + 1])) return { affiliation: span(s, tokens[k + 1]!, tokens[until(k + 1, 10)]!) };
  return {};
}

/** The post written before a title, after the part's wording: «المشرف على مركز … بالمعهد الدكتور …». */
function before(tokens: readonly Token[], i: number, s: Sentence): string | undefined {
  let p = i - 1;
  let first: number | undefined;
  while (p >= 0 && i - p <= 12) {
    const t = tokens[p]!;
    if (BREAK.test(between(s, t, tokens[p + 1]))) break;
    if (cueAt(tokens, p, s) || t.kind !== 'arabic') break;
    if (isPost(t)) first = p;
    p--;
  }
  // «بمحاضرة للمشرف على كرسي …»: the post, without the preposition that joins it to the words before.
  return first === undefined ? undefined : span(s, tokens[first]!, tokens[i - 1]!).replace(/^لل/, 'ال');
}

/** The nearest part's wording before token i in the sentence (null: a wording that gives no part). */
function partBefore(tokens: readonly Token[], i: number, s: Sentence): { part: Part | null; at: number } | undefined {
  for (let p = i - 1; p >= 0; p--) {
    const cue = cueAt(tokens, p, s);
    if (cue) return { part: cue.part, at: p };
  }
  return undefined;
}

/**
 * «قدم السفير صلاح حليمة، كلمة»: the word after the name says what the part was; after the post, when the name
 * has one between commas («كما قدم الدكتور محمد عبد السلام، رئيس تحرير مجلة السياسة الدولية، ورقة»).
 */
function partAfter(tokens: readonly Token[], k: number, s: Sentence): Part | null {
  let t = tokens[k];
  if (!t || !/^\s*[،,]?\s*$/.test(between(s, tokens[k - 1], t))) return null;
  if (isPost(t)) {
    let q = k + 1;
    while (q < tokens.length && q - k < 16 && !/[،,]/.test(between(s, tokens[q - 1], tokens[q]))) q++;
    if (q >= tokens.length || q - k >= 16 || /[.؛;:]/.test(between(s, tokens[q - 1], tokens[q]))) return null;
    k = q;
    t = tokens[q]!;
  }
  const f = /^(ورقه|وثيقه)$/.test(t.form) ? t.form : noConj(t.form);
  if (/^(كلمه|كلمته|كلمتها)$/.test(f)) return 'speaker';
  // «وألقى الدكتور … في بداية أعمال الندوة، كلمة»: when, then the speech; at the start, the opening.
  if (/^(في|خلال)$/.test(f)) {
    for (let q = k + 1; q < Math.min(tokens.length, k + 8); q++) {
      if (!/^(كلمه|كلمته|كلمتها)$/.test(noConj(tokens[q]!.form))) continue;
      return tokens.slice(k, q).some((u) => /^(بدايه|افتتاح|الافتتاح|مستهل|بدء|استهلال)$/.test(noConj(u.form))) ? 'opening' : 'speaker';
    }
  }
  if (f === 'في' && /^(كلمته|كلمتها)$/.test(tokens[k + 1]?.form ?? '')) return 'speaker';
  if (/^(ورقه|عرضا|بحثا|محاضره)$/.test(f)) return 'presenter';
  return null;
}

/** The sessions a sentence names, «الجلسة الثانية», at their tokens. */
export function sessionsIn(s: Sentence): { title: string; at: number; subject?: string }[] {
  const out: { title: string; at: number; subject?: string }[] = [];
  s.tokens.forEach((t, i) => {
    const next = s.tokens[i + 1];
    if (t.kind === 'arabic' && bareForms(t.form).includes('جلسه') && next && AR_SESSION_ORDINALS.has(noConj(next.form)) && !BREAK.test(between(s, t, next))) {
      // «الجلسة الأولى بعنوان "…"»: its subject, as quoted.
      const named = s.tokens.slice(i + 2, i + 5).find((u) => /^(بعنوان|عنوان|عنوانها)$/.test(noConj(u.form)));
      const quoted = named ? /^[:：]?\s*["“«„]([^"”»“]{3,200})["”»]/u.exec(s.text.slice(named.end).trimStart()) : null;
      out.push({ title: span(s, t, next).replace(/^[وفبل](?=ال)/, ''), at: i, ...(quoted ? { subject: plainText(quoted[1]!) } : {}) });
    }
  });
  return out;
}

/** The people an Arabic sentence names. `session`: the session the paragraph is about so far. */
export function arabicMentions(s: Sentence, session: { current?: string }): Mention[] {
  const tokens = s.tokens;
  const out: Mention[] = [];
  const sessions = sessionsIn(s);
  let taken = -1;
  const add = (
    first: number,
    name: { words: Token[] },
    title: string | undefined,
    extra: { role?: string; affiliation?: string; latin?: string },
    clear = true,
    fallback: Part | null = null,
  ) => {
    const words = name.words;
    const k = first + words.length;
    const cue = partBefore(tokens, first - (title ? 1 : 0), s);
    let part = cue?.part ?? null;
    if (part === null) part = partAfter(tokens, k, s) ?? fallback;
    const inSession = [...sessions].reverse().find((x) => x.at < first);
    if (inSession) session.current = inSession.title;
    out.push({
      n: s.n,
      words: words.map((w) => w.form),
      name: span(s, words[0]!, words[words.length - 1]!),
      ...(title ? { title } : {}),
      ...extra,
      part,
      ...(session.current && part && ['chair', 'moderator', 'speaker', 'panellist', 'presenter', 'rapporteur'].includes(part)
        ? { session: session.current }
        : {}),
      start: words[0]!.start,
      end: words[words.length - 1]!.end,
      ends: words.map((w) => w.end),
      text: s.text,
      ...(clear ? {} : { unclear: true }),
    });
    taken = k - 1;
  };
  for (let i = 0; i < tokens.length; i++) {
    if (i <= taken) continue;
    const t = tokens[i]!;
    // «جامعة الملك عبدالعزيز»: a title inside an institution's name is no person's.
    const prev = tokens[i - 1];
    const inName =
      prev !== undefined &&
      !BREAK.test(between(s, prev, t)) &&
      !/^[وفبلك]*ال/.test(prev.form) &&
      (isInstitution(prev) || /^(مدينه|شارع|قاعه|مستشفي)$/.test(noConj(prev.form)));
    // «وأشارت مشيرة أبو غالي مؤسس المجلس العربي»، «وطالب محمد بدر محافظ الأقصر»: a verb of saying, a name
    // with no title, then its post.
    if (AR_SAYS.has(noConj(t.form)) && !isTitle(tokens[i + 1])) {
      const name = nameFrom(tokens, i + 1, s);
      const k = i + 1 + (name?.words.length ?? 0);
      if (name?.clear && isPost(tokens[k]) && /^\s+$/.test(between(s, tokens[k - 1], tokens[k]))) {
        // What they said is the report's: they spoke.
        add(i + 1, name, undefined, after(tokens, k, s), true, 'speaker');
        continue;
      }
    }
    if (isTitle(t) && !inName) {
      // The title, and what belongs to it: «اللواء المتقاعد», «معالي الدكتور».
      let j = i + 1;
      while (j < tokens.length && (isTitle(tokens[j]) || AR_TITLE_MORE.has(noConj(tokens[j]!.form))) && !BREAK.test(between(s, tokens[j - 1], tokens[j]))) j++;
      const gap = between(s, tokens[j - 1], tokens[j]);
      const abbreviated = /^د$/.test(noConj(tokens[j - 1]!.form));
      if (!(abbreviated ? /^\s*\.?\s*$/ : /^\s*$/).test(gap)) continue;
      // «أ.د.»: the professor's letter before the doctor's.
      const professor = prev !== undefined && /^[وف]?ا$/.test(prev.form) && /^\.\s*$/.test(between(s, prev, t));
      const title = plainText(s.text.slice(professor ? prev.start : t.start, tokens[j - 1]!.end) + (abbreviated && gap.includes('.') ? '.' : '')).replace(
        /^[وف](?=ال|د|م|س|أ)/,
        '',
      );
      const name = nameFrom(tokens, j, s);
      if (!name) {
        // «السفير الروسي لدى باكستان، ألبرت خوريف،»: a title and post, then the name between commas.
        let c = j;
        while (c < tokens.length && c - j < 8 && !BREAK.test(between(s, tokens[c - 1], tokens[c]))) c++;
        const apposition = c < tokens.length && /^\s*،\s*$/.test(between(s, tokens[c - 1], tokens[c])) ? nameFrom(tokens, c, s) : undefined;
        const k = c + (apposition?.words.length ?? 0);
        if (apposition?.clear && (k >= tokens.length || /^\s*[،؛.]/.test(between(s, tokens[k - 1], tokens[k])))) {
          add(c, apposition, title.split(' ')[0], { role: span(s, t, tokens[c - 1]!) });
        }
        continue;
      }
      if (!name.clear) {
        // Its end not plain («أكد الدكتور سالم العبدالله أهمية …»): kept only as a name given plainly elsewhere.
        add(j, name, title, {}, false);
        continue;
      }
      // «ألبرت خوريف (Albert Khorev)»: the Latin name in brackets, then the post.
      let k = j + name.words.length;
      const gloss = /^\s*\(\s*([A-Za-z][A-Za-z .'’-]*[A-Za-z.])\s*\)/.exec(s.text.slice(name.words.at(-1)!.end));
      if (gloss) {
        const end = name.words.at(-1)!.end + gloss[0].length;
        while (k < tokens.length && tokens[k]!.start < end) k++;
      }
      const post = after(tokens, k, s);
      const pre = before(tokens, i, s);
      const role = post.role !== undefined || post.affiliation !== undefined ? post : pre ? { role: pre } : {};
      add(j, name, title, { ...role, ...(gloss ? { latin: gloss[1]!.trim() } : {}) });
      continue;
    }
    // A part's wording and a name without a title, between it and a comma before a post.
    const cue = cueAt(tokens, i, s);
    if (cue?.part) {
      let j = i + cue.words.length;
      // «أدار الجلسة …», «أدار حلقة النقاش …»: the session or event named after the verb.
      while (j < tokens.length && j - i <= cue.words.length + 2 && /^(ال)?(جلسه|حلقه|نقاش|ندوه|ورشه|لقاء|حوار|مناقشه|فيها)$/.test(noConj(tokens[j]!.form))) j++;
      if (isTitle(tokens[j])) continue;
      const name = nameFrom(tokens, j, s);
      if (!name?.clear) continue;
      const k = j + name.words.length;
      if (!(tokens[k] && /^\s*،\s*$/.test(between(s, tokens[k - 1], tokens[k])) && isPost(tokens[k]))) continue;
      add(j, name, undefined, after(tokens, k, s));
    }
  }
  return out;
}

/* ---------------------------------------------------------------- English ---------------------------------------------------------------- */

const capital = (s: Sentence, t: Token) => t.kind === 'latin' && /^\p{Lu}/u.test(s.text.slice(t.start, t.end));
const CONNECTORS = /^\s+(of|of the|for|in|at the)\s+$/;

/** Capitalised runs of an English sentence: tokens joined by spaces, hyphens, or an initial's full stop. */
function runs(s: Sentence): number[][] {
  const out: number[][] = [];
  s.tokens.forEach((t, i) => {
    if (!capital(s, t)) return;
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    // «H.E.»: initials written without a space between them.
    const initials = between(s, s.tokens[prev ?? 0], t) === '.' && s.tokens[prev ?? 0]!.end - s.tokens[prev ?? 0]!.start === 1;
    if (
      prev === i - 1 &&
      (/^(\s+|-|\.\s+)$/.test(between(s, s.tokens[prev], t)) || initials) &&
      (!/\./.test(between(s, s.tokens[prev], t)) || s.tokens[prev]!.end - s.tokens[prev]!.start === 1 || EN_HONORIFICS.has(s.tokens[prev]!.form))
    )
      last!.push(i);
    else out.push([i]);
  });
  // «H.E Amb. Omar Hilale Permanent Representative of Morocco»: a name run on into its post, without a comma,
  // is two runs, the title and name, then the post.
  return out.flatMap((run) => {
    const lead = run.findIndex((i) => !EN_HONORIFICS.has(s.tokens[i]!.form));
    const post = run.findIndex((i, k) => k > lead && EN_POSTS.has(s.tokens[i]!.form));
    const qualified = post > 0 && /^(permanent|acting|former|special)$/.test(s.tokens[run[post - 1]!]!.form) ? post - 1 : post;
    return lead > 0 && qualified - lead >= 2 && qualified - lead <= 3 ? [run.slice(0, qualified), run.slice(qualified)] : [run];
  });
}

/**
 * The first cue word in a stretch of tokens; "featured" only when no other says more ("featured a keynote
 * address by …" is a keynote).
 */
function enCue(tokens: readonly { form: string }[]): Part | null | undefined {
  let weak: Part | null | undefined;
  for (const t of tokens)
    for (const c of EN_CUES)
      if (c.re.test(t.form)) {
        if (!/^featur/.test(t.form)) return c.part;
        weak ??= c.part;
      }
  return weak;
}

export function englishMentions(s: Sentence): Mention[] {
  const tokens = s.tokens;
  const out: Mention[] = [];
  const all = runs(s);
  const posted = (run: number[]) => run.some((i) => EN_POSTS.has(tokens[i]!.form));
  all.forEach((run, r) => {
    // The name: the run's words after its last post; after a connector ("… in Geneva Tatiana Valovaya") the
    // run's first word and any institution's words go with the post. Two or three words, else no name.
    const lastPost = run.findLastIndex((i) => EN_POSTS.has(tokens[i]!.form));
    let rest = lastPost >= 0 ? run.slice(lastPost + 1) : run;
    const joinedBefore = r > 0 && CONNECTORS.test(between(s, tokens[all[r - 1]!.at(-1)!], tokens[run[0]!]));
    if (lastPost < 0 && joinedBefore) rest = rest.slice(1);
    while (rest.length > 2 && EN_NOT_NAMES.has(tokens[rest[0]!]!.form)) rest = rest.slice(1);
    if (rest.length < 2 || rest.length > 3) return;
    const size = rest.length;
    const nameIdx = rest;
    const words = nameIdx.map((i) => tokens[i]!);
    if (words.some((w) => EN_NOT_NAMES.has(w.form) || EN_POSTS.has(w.form) || (w.form.length < 2 && w !== words[1]))) return;
    const startTok = words[0]!;
    const endTok = words[words.length - 1]!;
    const lastTokIdx = nameIdx[nameIdx.length - 1]!;
    // The run's other words, and the runs before it joined by "of", "for", "in": the post.
    const own = run.slice(0, -size);
    let from = r;
    while (from > 0 && CONNECTORS.test(between(s, tokens[all[from - 1]!.at(-1)!], tokens[all[from]![0]!]))) from--;
    const phrase = all.slice(from, r);
    const hasPost = own.some((i) => EN_POSTS.has(tokens[i]!.form)) || phrase.some(posted);
    const firstIdx = (phrase[0] ?? own)[0] ?? nameIdx[0]!;
    const beforeText = s.text.slice(s.start, tokens[firstIdx]!.start);
    // "by X", "the welcome remarks of X": the part is in the words before; "… of X and Y": Y's too.
    const byBefore = /\b(?:by|(?:remarks|address|speech|statement|intervention)s? of)\s+$/.test(beforeText);
    const listedAfter = /\s+and\s+$/.test(beforeText) ? out.at(-1) : undefined;
    // "Panellists included Prof. X, Dr. Y, …", "Speakers were …": every name of the list has the part it names.
    const listHead = /\b(panel+ists|speakers|presenters|moderators)\s+(?:included|include|were|are)\b[^;]*$/i.exec(beforeText);
    const afterText = s.text.slice(endTok.end, s.end);
    let role: string | undefined;
    let affiliation: string | undefined;
    let title: string | undefined;
    if (hasPost) {
      role = plainText(s.text.slice(tokens[firstIdx]!.start, tokens[nameIdx[0]! - 1]!.end));
      if (own.length === 0 && phrase.length === 0) role = undefined;
      // Honorifics alone ("Dr.", "Ambassador") are the title; a post between commas after the name, the role.
      if (phrase.length === 0 && own.every((i) => EN_HONORIFICS.has(tokens[i]!.form))) {
        // ("H.E. Amb. Dennis Francis": the title with its full stop.)
        title = role && s.text[tokens[nameIdx[0]! - 1]!.end] === '.' && !role.endsWith('.') ? `${role}.` : role;
        role = undefined;
        // (Or run on without the comma: "Omar Hilale Permanent Representative of …, and …".)
        const m = /^(?:,\s+|\s+(?=\p{Lu}))([^,.;:]+?)(?=,|\.(?:\s|$)|;|$|\s+who\b|\s+and\s+(?:H\.E|Mr|Ms|Mrs|Dr|Prof)\b)/u.exec(afterText);
        if (m && m[1]!.split(/\s+/).some((w) => EN_POSTS.has(w.toLowerCase()))) role = plainText(m[1]!);
      }
    } else if (own.length === 0 && phrase.length === 0 && (byBefore || /(^|[,;]\s*|\band\s+)$/.test(beforeText.trimEnd() + (beforeText.trim() ? ' ' : '')))) {
      // "by John Tirman, executive director of …"; "Jane Doe, Executive Director of the X, said …" (a post
      // between commas after a name that opens its clause).
      const m = byBefore ? /^,\s+([^,.;:]+)/.exec(afterText) : /^,\s+([^,.;:]+),/.exec(afterText);
      if (m && m[1]!.split(/\s+/).some((w) => EN_POSTS.has(w.toLowerCase()) && !EN_HONORIFICS.has(w.toLowerCase()))) role = plainText(m[1]!);
      else return;
    } else return;
    const of = /^\s+of(?: the)?\s+((?:\p{Lu}[\p{L}.'’-]*(?:\s+(?:and|of|for|the)\s+|\s+)?)+)/u.exec(afterText);
    if (of) affiliation = plainText(of[1]!.replace(/\s+(and|of|for|the)\s*$/, ''));
    // The part: what "by" follows, or the first wording after the name up to the clause's end.
    let part: Part | null = null;
    if (byBefore) {
      const clause = beforeText.split(/[,;:.]/).pop() ?? '';
      // (The wording nearest the name: "the opening interventions were followed by the welcome remarks of X".)
      part = enCue(tokens.filter((t) => t.start >= s.start + beforeText.length - clause.length && t.end <= tokens[firstIdx]!.start).reverse()) ?? null;
    } else {
      // Past a post between commas: "Jane Doe, director of X, moderated …".
      const apposition = role && afterText.startsWith(`, ${role},`) ? role.length + 3 : 0;
      const clause = afterText.slice(apposition).split(/[,;:.](?=\s|$)/)[0] ?? '';
      const until = endTok.end + apposition + clause.length;
      part = enCue(tokens.filter((t, i) => i > lastTokIdx && t.end <= until)) ?? listedAfter?.part ?? null;
    }
    if (part === null && listHead) part = enCue([{ form: listHead[1]!.toLowerCase() }]) ?? null;
    // A verb of speaking within the next words, before another name: "Dr. Saeed Shafqat, Director, …, looked into".
    const acts = tokens.slice(lastTokIdx + 1, lastTokIdx + 13).some((t) => EN_ACTS.test(t.form));
    out.push({
      n: s.n,
      words: words.map((w) => w.form),
      name: plainText(s.text.slice(startTok.start, endTok.end)),
      ...(title ? { title: /^(dr|mr|mrs|ms|prof)$/i.test(title) ? `${title}.` : title } : {}),
      ...(role ? { role } : {}),
      ...(affiliation ? { affiliation } : {}),
      ...(acts ? { acts: true as const } : {}),
      part,
      start: startTok.start,
      end: endTok.end,
      ends: words.map((w) => w.end),
      text: s.text,
    });
  });
  return out;
}
