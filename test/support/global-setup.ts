// Builds the compiled CLI once, for tests that start `marquee serve` as a real child process.
// tsc emits even when a file has a type error; type errors are `npm run typecheck`'s job (CI runs it
// before the tests), so a build that freshly emitted dist/cli/main.js is good enough to test against.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export default function setup(): void {
  const started = Date.now() - 1000;
  const result = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  const emitted = fs.existsSync('dist/cli/main.js') && fs.statSync('dist/cli/main.js').mtimeMs >= started;
  if (!emitted) throw new Error(`the build emitted nothing (tsc exited ${result.status})`);
}
