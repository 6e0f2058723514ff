#!/usr/bin/env node
// Thin launcher: the bundled command line does all the work (npm run build writes dist/cli/).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
