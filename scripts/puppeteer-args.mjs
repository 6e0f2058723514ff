#!/usr/bin/env node
// `npm run build`: writes the launch flags of the installed puppeteer-core (`defaultArgs()`) to
// dist/puppeteer-args.json, where src/browser/launch.ts reads them without loading Puppeteer.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(path.join(root, 'dist'), { recursive: true });
writeFileSync(path.join(root, 'dist', 'puppeteer-args.json'), `${JSON.stringify(puppeteer.defaultArgs({ headless: true }), null, 2)}\n`);
