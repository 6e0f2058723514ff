#!/usr/bin/env node
// `npm run build`, first step: dist/ from scratch, so no file of a module since moved or removed is left in it.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

rmSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist'), { recursive: true, force: true });
