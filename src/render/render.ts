/**
 * Deck → HTML through one isolated Handlebars instance. Templates come only from the repository; every
 * value from the brief goes through Handlebars' escaping (no triple-stash, no SafeString, no data used as
 * a partial name or template).
 *
 * `npm run build` precompiles the templates (scripts/precompile-templates.mjs → dist/templates.js), so a
 * run needs only Handlebars' small runtime. Each precompiled template carries the hash of its source: if a
 * template has changed since (someone editing templates/ under `mujaz serve`), all are compiled from source.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type HandlebarsFull from 'handlebars';
import runtime from 'handlebars/runtime.js';
import type { Deck } from '../deck/model.js';
import { packageRoot, templatesDir } from '../paths.js';
import { FURNITURE_LABEL } from './pages.js';

export interface RenderInput {
  deck: Deck;
  /** The Content-Security-Policy of the deck. */
  csp: string;
}

type Compiled = (context: unknown) => string;
export interface Templates {
  deck: Compiled;
  /** The page the PDF is printed from: the slides laid out as reveal's print view, with no script. */
  print: Compiled;
  handout: Compiled;
  /** The catalogue of an output folder's decks (src/render/catalogue.ts). */
  catalogue: Compiled;
}

const PAGES = ['deck.hbs', 'print.hbs', 'handout.hbs', 'catalogue.hbs'] as const;
/** The options every template is compiled with, from source or ahead of time. */
const PAGE_OPTIONS = { preventIndent: true };
const PARTIAL_OPTIONS = { strict: false, preventIndent: true };

export interface TemplateSource {
  /** 'deck.hbs', or 'partials/slide.hbs'. */
  name: string;
  source: string;
  options: object;
  sha256: string;
}

/** Every template as it is compiled: the pages, then the partials in name order. */
export async function templateSources(): Promise<TemplateSource[]> {
  const partials = (await readdir(path.join(templatesDir, 'partials'))).filter((f) => f.endsWith('.hbs')).sort();
  const names = [...PAGES, ...partials.map((f) => `partials/${f}`)];
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(path.join(templatesDir, name), 'utf8');
      const partial = name.startsWith('partials/');
      const source = partial ? text.trimEnd() : text;
      return { name, source, options: partial ? PARTIAL_OPTIONS : PAGE_OPTIONS, sha256: createHash('sha256').update(source).digest('hex') };
    }),
  );
}

/** What scripts/precompile-templates.mjs writes: name → the source's hash and Handlebars' template spec. */
export type PrecompiledTemplates = Record<string, { sha256: string; spec: object }>;
export const PRECOMPILED_FILE = path.join(packageRoot, 'dist', 'templates.js');

export async function precompiled(): Promise<PrecompiledTemplates | undefined> {
  try {
    return ((await import(pathToFileURL(PRECOMPILED_FILE).href)) as { default: PrecompiledTemplates }).default;
  } catch {
    return undefined; // not built (vitest on a fresh clone runs src/): compiled from source
  }
}

// Handlebars types only its full build; the runtime is the same API without the compiler.
const HandlebarsRuntime = runtime as unknown as typeof HandlebarsFull;

let cached: Promise<Templates> | undefined;

/** The templates, from `ahead` when it matches every source, else compiled from source. */
export async function compileTemplates(ahead: PrecompiledTemplates | undefined): Promise<Templates & { precompiled: boolean }> {
  const sources = await templateSources();
  const upToDate = ahead !== undefined && sources.every((t) => ahead[t.name]?.sha256 === t.sha256);
  let hbs: typeof HandlebarsRuntime;
  let compile: (t: TemplateSource) => HandlebarsTemplateDelegate;
  if (upToDate) {
    hbs = HandlebarsRuntime.create();
    compile = (t) => hbs.template(ahead[t.name]!.spec as TemplateSpecification);
  } else {
    const { default: Handlebars } = await import('handlebars');
    const full = Handlebars.create();
    hbs = full;
    compile = (t) => full.compile(t.source, t.options);
  }
  const pages = new Map<string, Compiled>();
  for (const t of sources) {
    const template = compile(t);
    if (t.name.startsWith('partials/')) hbs.registerPartial(path.basename(t.name, '.hbs'), template);
    else pages.set(t.name, (context) => template(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false }));
  }
  return {
    deck: pages.get('deck.hbs')!,
    print: pages.get('print.hbs')!,
    handout: pages.get('handout.hbs')!,
    catalogue: pages.get('catalogue.hbs')!,
    precompiled: upToDate,
  };
}

/** Compiles once per process: watch mode and batch builds reuse it. */
export function templates(): Promise<Templates> {
  cached ??= precompiled().then(compileTemplates);
  return cached;
}

/** Forget the compiled templates (the preview server does this when a template changes). */
export function resetTemplates(): void {
  cached = undefined;
}

export async function renderDeck({ deck, csp }: RenderInput): Promise<string> {
  const { deck: render } = await templates();
  return render({ deck, csp, keywordList: deck.keywords.join(deck.labels.listSeparator) });
}

/** The deck's print page (print.html): what the PDF is printed from. */
export async function renderPrint({ deck, csp, assets }: RenderInput & { assets: string }): Promise<string> {
  const { print } = await templates();
  return print({ deck, csp, assets, furniture: FURNITURE_LABEL });
}
