#!/usr/bin/env node
// Thin launcher: the compiled entry point does all the work (npm run build writes dist/).
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
