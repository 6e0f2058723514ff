/** A brief's logo: copied beside the deck, shown on the title slide with its alt text, loaded offline. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import { afterAll, expect, it } from 'vitest';
import { buildOne } from '../../src/index.js';
import { suiteChromium, removeDir, tempDir } from '../support/build.js';
import { bundledObject, writeVariant } from '../support/variants.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(removeDir));
});

it('shows the host logo on the title slide with its alt text', async () => {
  const brief = await bundledObject();
  brief.event.host.logo = { file: 'logo.png', alt: 'شعار معهد الدراسات الاستراتيجية' };
  const { dir, file } = await writeVariant(brief, 'with-logo');
  const png = new PNG({ width: 120, height: 60 });
  png.data.fill(0x33);
  await writeFile(path.join(dir, 'logo.png'), PNG.sync.write(png));
  const out = await tempDir();
  dirs.push(dir, out);
  const result = await buildOne(file, { outRoot: out, pdf: false, handout: false });
  const browser = await suiteChromium();
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(result.dir, 'index.html')).href, { waitUntil: 'load' });
    await page.waitForSelector('html[data-mujaz-ready]');
    const img = await page.$eval('#title img.logo', (i) => ({
      alt: i.getAttribute('alt'),
      src: i.getAttribute('src'),
      width: (i as HTMLImageElement).naturalWidth,
    }));
    expect(img).toEqual({ alt: 'شعار معهد الدراسات الاستراتيجية', src: 'assets/logo.png', width: 120 });
  } finally {
    await browser.close();
  }
});
