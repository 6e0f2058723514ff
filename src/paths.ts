/** Where the package's own files are, wherever it runs from (src/ under vitest, dist/ when built). */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const templatesDir = path.join(packageRoot, 'templates');
export const nodeModules = path.join(packageRoot, 'node_modules');
