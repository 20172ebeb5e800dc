#!/usr/bin/env node
// The `livekit-agents-audit` command. Only this entry loads ts-morph; the ESLint plugin never imports src/audit/.
import { main } from './main.js';

// A reader that stops early (`| head`) is not an error of the audit.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
