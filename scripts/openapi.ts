// `npm run openapi` writes docs/openapi.json from the route schemas (the one source); a test fails
// when the checked-in copy drifts from what the code serves.
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { openContext } from '../src/context.js';
import { buildApp } from '../src/http/app.js';

export async function generateOpenApi(): Promise<string> {
  const ctx = await openContext(loadConfig({ DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent' }), { logger: pino({ level: 'silent' }) });
  const app = await buildApp(ctx);
  await app.ready();
  const doc = `${JSON.stringify(app.swagger(), null, 2)}\n`;
  await app.close();
  await ctx.close();
  return doc;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = path.resolve(import.meta.dirname, '../docs/openapi.json');
  fs.writeFileSync(out, await generateOpenApi());
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}
