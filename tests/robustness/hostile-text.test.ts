/**
 * "Rendering" of docs/robustness.md, as a property: whatever text a brief holds (markup, Handlebars,
 * script URLs, entities, quotes, mixed with Arabic) is shown as that text. It never runs, never becomes
 * markup, and the deck never reaches outside its folder. Checked in real Chromium.
 */
import { PLACEHOLDER } from '../../src/lint/lint.js';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { BrowserContext } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { buildOne } from '../../src/index.js';
import { briefFolder, bundledText } from '../fixtures/briefs.js';
import { suiteChromium, removeDir, repoRoot, tempDir } from '../support/build.js';

/** Keys whose values are not free text: identifiers, enums, dates, numbers, files and links. */
const NOT_TEXT = new Set(['slug', 'id', 'speaker', 'lang', 'dir', 'digits', 'date', 'created', 'file', 'url', 'sources', 'paragraphs']);

const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '<img src=x onerror="window.__pwned=1">',
  "'><svg onload=window.__pwned=1>",
  "{{constructor.constructor('alert(1)')()}}",
  '{{> x}}',
  '{{{deck.title}}}',
  '{{#each this}}x{{/each}}',
  '{{lookup this "constructor"}}',
  '</textarea><script>window.__pwned=1</script>',
  '</title><script>alert(1)</script>',
  '</bdi></span></li></ul></section>',
  '<!-- x -->',
  ']]>',
  'javascript:alert(1)',
  '<a href="javascript:window.__pwned=1">اضغط</a>',
  '&lt;b&gt;bold&lt;/b&gt;',
  '&amp;amp; &#x3C;script&#x3E; &#60;',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a brief's text that looks like a template literal
  '"double" \'single\' `back` ${window.__pwned=1}',
  '<iframe src="https://example.org/"></iframe>',
  '<link rel="stylesheet" href="https://example.org/x.css">',
  '<style>@import url(https://example.org/x.css)</style>',
  'url(https://example.org/x.png)',
  '<meta http-equiv="refresh" content="0;url=https://example.org">',
  '<base href="https://example.org/">',
];

const ARABIC = ['مرحبا', 'ضبط التسلح', 'الذكاء الاصطناعي (AI)', 'السفير', '«اقتباس»', 'إسلام آباد', '١٢٣', 'ريابكوف'];

// Printable ASCII with the characters markup and templates care about, and Arabic letters.
const CHARS = [...'<>"\'`&;/=(){}[]!#$%*+,-.:?@\\^_|~ abcXYZ019', ...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 2, arbitrary: fc.constantFrom(...ARABIC) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 12 }) },
);

/** One hostile text: a few pieces, trimmed (the schema trims) and short enough for every field. */
const hostileText = fc
  .array(piece, { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(' ').replace(/\s+/g, ' ').trim())
  // A whole value in square brackets is a scaffold's placeholder, which fails the build on purpose.
  .filter((s) => s.length > 0 && s.length <= 150 && !PLACEHOLDER.test(s));

type Path = (string | number)[];

/** The paths of every free-text string in the brief. */
function textPaths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value)) value.forEach((v, i) => textPaths(v, [...at, i], out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (!NOT_TEXT.has(k)) textPaths(v, [...at, k], out);
  } else if (typeof value === 'string') out.push(at);
  return out;
}

function setAt(target: unknown, at: Path, value: string): void {
  let node = target as Record<string | number, unknown>;
  for (const part of at.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
  node[at[at.length - 1]!] = value;
}

/**
 * Text as the deck shows it: white space collapsed, and digits in one system (an Arabic deck writes the
 * digits of its Arabic text as ٠١٢…, with «٫», «٬» and «٪» for a number's separators and percent sign, by
 * design; see src/deck/numbers.ts).
 */
const normalize = (s: string) =>
  s
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066B/g, '.')
    .replace(/\u066C/g, ',')
    .replace(/\u066A/g, '%')
    .replace(/\s+/g, ' ')
    .trim();

const base = parse(bundledText) as Record<string, unknown>;
const fields = textPaths(base);

let browser: BrowserContext;
let root: string;
let run = 0;

beforeAll(async () => {
  browser = await suiteChromium();
  root = await tempDir('mujaz-hostile-');
});

afterAll(async () => {
  await browser?.close();
  await removeDir(root);
});

interface Observed {
  dialogs: string[];
  requests: string[];
  errors: string[];
  violations: string[];
  pwned: unknown;
  text: string;
  attributes: string;
  csp: string | null;
}

/** Builds a brief whose free-text fields hold `texts`, opens the deck, and records what happened. */
async function buildAndOpen(texts: readonly string[]): Promise<{ deckDir: string; seen: Observed }> {
  const brief = structuredClone(base);
  fields.forEach((at, i) => setAt(brief, at, texts[i % texts.length]!));
  const dir = path.join(root, `run-${++run}`);
  const file = await briefFolder(dir, stringify(brief));
  const result = await buildOne(file, { outRoot: path.join(dir, 'output'), pdf: false, handout: false });
  return { deckDir: result.dir, seen: await openDeck(result.dir) };
}

/** Opens a deck in Chromium and records dialogs, requests, errors, policy violations and what it shows. */
async function openDeck(deckDir: string): Promise<Observed> {
  const page = await browser.newPage();
  const seen: Observed = { dialogs: [], requests: [], errors: [], violations: [], pwned: undefined, text: '', attributes: '', csp: null };
  try {
    page.on('dialog', (dialog) => {
      seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    page.on('request', (request) => seen.requests.push(request.url()));
    page.on('pageerror', (error) => seen.errors.push(String((error as Error).message ?? error)));
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const w = window as unknown as { __violations?: string[] };
        w.__violations ??= [];
        w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await page.goto(pathToFileURL(path.join(deckDir, 'index.html')).href, { waitUntil: 'load', timeout: 30_000 });
    // Started (reveal.js initialised, the deck's labels set), its fonts loaded, and the events already queued
    // (a policy violation is told in a task of its own) delivered.
    await page.waitForSelector('html[data-mujaz-ready]', { timeout: 30_000 });
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => setTimeout(r, 0))));
    const inPage = await page.evaluate(() => {
      const w = window as unknown as { __pwned?: unknown; __violations?: string[] };
      const attributes: string[] = [];
      for (const el of Array.from(document.querySelectorAll('*'))) for (const a of Array.from(el.attributes)) attributes.push(a.value);
      return {
        pwned: w.__pwned,
        violations: w.__violations ?? [],
        text: document.documentElement.textContent ?? '',
        attributes: attributes.join('\n'),
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
      };
    });
    Object.assign(seen, inPage);
  } finally {
    await page.close();
  }
  return seen;
}

function expectHarmless(deckDir: string, texts: readonly string[], seen: Observed): void {
  expect(seen.dialogs).toEqual([]);
  expect(seen.pwned).toBeUndefined();
  expect(seen.errors).toEqual([]);
  expect(seen.violations).toEqual([]);
  const inside = `${pathToFileURL(deckDir).href}/`;
  expect(seen.requests.length).toBeGreaterThan(0);
  for (const url of seen.requests) expect(url.startsWith(inside), `${url} is outside ${inside}`).toBe(true);
  // Every text is shown as written: in the text of the page, or (title, author, keywords) in an attribute.
  const text = normalize(seen.text);
  const attributes = normalize(seen.attributes);
  for (const t of new Set(texts)) {
    const n = normalize(t);
    expect(text.includes(n) || attributes.includes(n), `"${t}" is not shown verbatim`).toBe(true);
  }
}

describe('hostile text in every free-text field', () => {
  it('the bundled brief has free-text fields to fill', () => {
    expect(fields.length).toBeGreaterThan(50);
    expect(fields.map((f) => f.join('.'))).toContain('title');
    expect(fields.map((f) => f.join('.'))).toContain('event.host.institution');
  });

  it('each known payload, in every field at once, is shown as text and runs nothing', async () => {
    const texts = PAYLOADS.map((p, i) => `${ARABIC[i % ARABIC.length]} ${p}`);
    const { deckDir, seen } = await buildAndOpen(texts);
    expectHarmless(deckDir, texts, seen);
  }, 120_000);

  it('generated mixtures of markup, templates, entities, quotes and Arabic (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileText, { minLength: fields.length, maxLength: fields.length }), async (texts) => {
        const { deckDir, seen } = await buildAndOpen(texts);
        expectHarmless(deckDir, texts, seen);
      }),
      { numRuns: 15, endOnFailure: true },
    );
  }, 600_000);
});

describe('the checks above catch a real injection', () => {
  it('markup written into the deck unescaped is caught (policy violation, request, or missing text)', async () => {
    const text = '<img src=x onerror="window.__pwned=1"><script>alert(1)</script>';
    const { deckDir } = await buildAndOpen(['نص عادي']);
    const file = path.join(deckDir, 'index.html');
    const html = await readFile(file, 'utf8');
    await writeFile(file, html.replace('<body>', `<body>${text}<img src="https://example.org/x.png">`));
    const seen = await openDeck(deckDir);
    expect(seen.violations.length).toBeGreaterThan(0);
    expect(seen.pwned).toBeUndefined(); // the policy blocks the handler even then
    expect(() => expectHarmless(deckDir, [text], seen)).toThrow();
  }, 120_000);
});

describe('the deck states what it may load', () => {
  it("has a Content-Security-Policy meta tag with default-src 'none' and no network hosts", async () => {
    const { deckDir, seen } = await buildAndOpen(['نص عادي']);
    const csp = seen.csp;
    expect(csp).not.toBeNull();
    const directives = csp!.split(';').map((d) => d.trim());
    expect(directives).toContain("default-src 'none'");
    expect(directives.find((d) => d.startsWith('script-src'))).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*$/);
    expect(directives).toContain("object-src 'none'");
    expect(directives).toContain("base-uri 'none'");
    for (const d of directives) {
      const sources = d.split(/\s+/).slice(1);
      for (const s of sources) expect(s, `${d}`).toMatch(/^('self'|'none'|'unsafe-inline'|'sha256-[A-Za-z0-9+/=]+'|data:)$/);
    }
    expect(csp).not.toMatch(/https?:|wss?:|\*|\/\//);
    // The same policy is in the file as written, not only in the DOM.
    const html = await readFile(path.join(deckDir, 'index.html'), 'utf8');
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;;|<meta http-equiv="Content-Security-Policy" content="default-src 'none';/,
    );
  }, 120_000);

  it('templates come from the repository and never output brief data unescaped', async () => {
    const files: string[] = [];
    const walk = async (d: string): Promise<void> => {
      for (const e of await readdir(d, { withFileTypes: true })) {
        if (e.isDirectory()) await walk(path.join(d, e.name));
        else if (e.name.endsWith('.hbs')) files.push(path.join(d, e.name));
      }
    };
    await walk(path.join(repoRoot, 'templates'));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const source = await readFile(f, 'utf8');
      // A partial is named by the template, or looked up by the slide's kind (set by the deck builder from its
      // registry, src/deck/kinds/) and the scaffold section's name (from the same registry): never by a brief.
      expect(source, f).not.toMatch(/\{\{\{|\{\{~?\s*&|\{\{>\s*\((?!lookup \. "(kind|name)"\)\}\})/);
    }
    for (const f of ['render.ts', 'handout.ts']) {
      const source = await readFile(path.join(repoRoot, 'src', 'render', f), 'utf8');
      expect(source, f).not.toMatch(/new\s+(Handlebars\.)?SafeString|\.SafeString\(|noEscape\s*:\s*true/);
    }
  });
});
