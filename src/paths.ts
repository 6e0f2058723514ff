/**
 * Where the package's own files are, wherever it runs from: src/ under vitest, dist/ when compiled, or a
 * chunk of the bundled CLI (dist/cli/…). The package root is the nearest folder above with mujaz's
 * package.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'mujaz') return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}

export const packageRoot = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));
export const templatesDir = path.join(packageRoot, 'templates');
export const nodeModules = path.join(packageRoot, 'node_modules');
