/**
 * Deck → HTML through one isolated Handlebars instance. Templates come only from the repository; every
 * value from the brief goes through Handlebars' escaping (no triple-stash, no SafeString, no data used as
 * a partial name or template).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { Deck } from '../deck/model.js';
import { templatesDir } from '../paths.js';

export interface RenderInput {
  deck: Deck;
  /** The Content-Security-Policy of the deck. */
  csp: string;
}

type Compiled = (context: unknown) => string;
export interface Templates {
  deck: Compiled;
  handout: Compiled;
}

let cached: Promise<Templates> | undefined;

async function compileTemplates(): Promise<Templates> {
  const hbs = Handlebars.create();
  const partialsDir = path.join(templatesDir, 'partials');
  for (const file of (await readdir(partialsDir)).filter((f) => f.endsWith('.hbs')).sort()) {
    const source = await readFile(path.join(partialsDir, file), 'utf8');
    hbs.registerPartial(file.replace(/\.hbs$/, ''), hbs.compile(source.trimEnd(), { strict: false, preventIndent: true }));
  }
  const page = async (name: string): Promise<Compiled> => {
    const template = hbs.compile(await readFile(path.join(templatesDir, name), 'utf8'), { preventIndent: true });
    return (context) => template(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  };
  return { deck: await page('deck.hbs'), handout: await page('handout.hbs') };
}

/** Compiles once per process: watch mode and batch builds reuse it. */
export function templates(): Promise<Templates> {
  cached ??= compileTemplates();
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
