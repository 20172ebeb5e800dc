#!/usr/bin/env node
// The `livekit-agents-audit` command. Only this entry loads ts-morph; the ESLint plugin never imports src/audit/.
import { createRequire } from 'node:module';
import { main } from './main.js';

// A reader that stops early (`| head`) is not an error of the audit.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// ts-morph is an optional peer dependency (it weighs more than the whole lint plugin): ask for it instead of crashing.
const helpOrVersion = process.argv.slice(2).some((arg) => /^(?:-h|--help|-v|--version)$/.test(arg));
let hasTsMorph = true;
try {
  createRequire(import.meta.url).resolve('ts-morph');
} catch {
  hasTsMorph = false;
}
if (!hasTsMorph && !helpOrVersion) {
  process.stderr.write('livekit-agents-audit: the audit needs ts-morph: npm i -D ts-morph\n');
  process.exitCode = 2;
} else {
  process.exitCode = await main(process.argv.slice(2));
}
