#!/usr/bin/env node
/**
 * `npm run build`, second step: the command line as one bundle, dist/cli/ (tsc has already compiled src/ to
 * dist/, which stays the library). Node spends most of a short run resolving and linking modules, several
 * hundred files across puppeteer-core, zod, yaml, handlebars and pdf-lib; bundled, the CLI starts in a
 * fraction of that. Every dynamic import stays a chunk of its own, loaded only when used, so a command that
 * needs no browser still never loads Puppeteer (tests/pdf/browser.test.ts checks it by file name).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'cli');
rmSync(out, { recursive: true, force: true });

function chunkName(id) {
  if (!id) return undefined;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (pkg) return pkg[1].replace('/', '-');
  const own = path.relative(path.join(root, 'dist'), id);
  return own.startsWith('..') ? undefined : own.replace(/\.js$/, '').replaceAll(path.sep, '-');
}

await build({
  // early.js: what bin/mujaz.js runs first (it may start Chromium), before loading main.js.
  input: { main: path.join(root, 'dist', 'cli.js'), early: path.join(root, 'dist', 'browser', 'early.js') },
  platform: 'node',
  logLevel: 'warn',
  // Peer and optional packages puppeteer-core asks for when present; mujaz uses none of them.
  external: ['bufferutil', 'utf-8-validate'],
  resolve: { alias: { 'pdf-lib': path.join(root, 'node_modules', 'pdf-lib', 'es', 'index.js') } },
  output: {
    dir: out,
    format: 'esm',
    entryFileNames: '[name].js',
    // A chunk is named after the module it starts from (commands-check, pdf-browser, puppeteer-core…), so
    // the files a run loads still say what they hold.
    chunkFileNames: (chunk) => `${chunkName(chunk.facadeModuleId) ?? chunk.name}-[hash].js`,
  },
});

// The catalogue page's script (src/catalogue/page.ts): MiniSearch and the claim check's normaliser in one
// file the page loads from its own folder (the Content-Security-Policy allows scripts from there only).
await build({
  input: path.join(root, 'dist', 'catalogue', 'page.js'),
  platform: 'browser',
  logLevel: 'warn',
  output: { file: path.join(root, 'dist', 'catalogue-page.js'), format: 'iife', minify: true, comments: false },
});
