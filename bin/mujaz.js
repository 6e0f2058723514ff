#!/usr/bin/env node
// Thin launcher: the bundled command line does all the work (npm run build writes dist/cli/). A build that
// prints PDFs starts Chromium first, then loads mujaz while it starts (dist/cli/early.js, Node built-ins only).
import { startEarly } from '../dist/cli/early.js';

const argv = process.argv.slice(2);
const started = startEarly(argv);
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(argv, started);
