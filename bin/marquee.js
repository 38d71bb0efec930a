#!/usr/bin/env node
// Entry point of the `marquee` command: runs the compiled CLI (npm install builds it via `prepare`).
import { main } from '../dist/cli/main.js';

main(process.argv).catch((err) => {
  process.stderr.write(`marquee: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
