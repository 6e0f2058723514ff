/**
 * Text → runs, so that templates can isolate the runs written in the other direction without deciding
 * anything: in an RTL deck every Latin run (names, acronyms, "(AI)") becomes its own <bdi lang="en">.
 */
export interface Run {
  text: string;
  /** True when the run is in the other script and must be isolated. */
  isolate: boolean;
  lang: string;
  dir: 'ltr' | 'rtl';
}

export type Rich = Run[];

// A Latin run: words of Latin letters and digits, joined by spaces and light punctuation, with balanced
// brackets around it kept inside ("(AI)").
const LATIN_RUN = /\(?[A-Za-z][A-Za-z0-9]*(?:[\s.&'’\-/:]+[A-Za-z0-9]+)*\.?\)?/g;
const ARABIC_RUN = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+(?:[\s،؛]+[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+)*/g;

function balanced(run: string): string {
  let r = run;
  if (r.startsWith('(') && !r.endsWith(')')) r = r.slice(1);
  if (r.endsWith(')') && !r.startsWith('(')) r = r.slice(0, -1);
  return r;
}

export function toRuns(text: string, dir: 'rtl' | 'ltr'): Rich {
  const pattern = dir === 'rtl' ? LATIN_RUN : ARABIC_RUN;
  const lang = dir === 'rtl' ? 'en' : 'ar';
  const baseLang = dir === 'rtl' ? 'ar' : 'en';
  const other: 'ltr' | 'rtl' = dir === 'rtl' ? 'ltr' : 'rtl';
  const runs: Rich = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const raw = match[0];
    const trimmed = balanced(raw);
    const start = (match.index ?? 0) + raw.indexOf(trimmed);
    const end = start + trimmed.length;
    if (start > last) runs.push({ text: text.slice(last, start), isolate: false, lang: baseLang, dir });
    runs.push({ text: trimmed, isolate: true, lang, dir: other });
    last = end;
  }
  if (last < text.length) runs.push({ text: text.slice(last), isolate: false, lang: baseLang, dir });
  return runs;
}

export function plain(rich: Rich): string {
  return rich.map((r) => r.text).join('');
}
