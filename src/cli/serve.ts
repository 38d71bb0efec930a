import { Command } from 'commander';
import { loadConfig } from '../config.js';
import { openContext } from '../context.js';
import { buildApp } from '../http/app.js';
import { seedDemo } from '../services/seed/demo.js';
import { parsePositiveInt } from './shared.js';

export const serveCommand = () =>
  new Command('serve')
    .description('serve the web site and the API')
    .option('--port <port>', 'port to listen on (PORT, default 3000)', parsePositiveInt('--port'))
    .option('--host <host>', 'address to listen on (HOST, default 0.0.0.0)')
    .option('--demo', 'seed the demo catalog when the database has no titles')
    .action(async (opts: { port?: number; host?: string; demo?: boolean }) => {
      const config = loadConfig(process.env, {
        ...(opts.port !== undefined ? { port: opts.port } : {}),
        ...(opts.host !== undefined ? { host: opts.host } : {}),
      });
      const ctx = await openContext(config, { listen: true });
      if (opts.demo && (await ctx.services.catalog.titleCount()) === 0) {
        const seeded = await seedDemo(ctx);
        ctx.logger.info(seeded, 'seeded the demo catalog');
      }
      const app = await buildApp(ctx);
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        ctx.logger.info({ signal }, 'shutting down');
        await app.close();
        await ctx.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop('SIGINT'));
      process.on('SIGTERM', () => void stop('SIGTERM'));
      const address = await app.listen({ port: config.port, host: config.host });
      ctx.logger.info({ address, database: ctx.db.parts.describe }, 'Marquee is listening');
      if (process.stdout.isTTY) process.stdout.write(`Marquee is running at ${config.baseUrl}\n`);
    });
