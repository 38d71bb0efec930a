// `marquee export [--output FILE]`: the whole instance as JSON lines (src/services/import/marquee-dump.ts),
// to FILE (written beside it first, then renamed, so a failed export leaves no partial file) or to
// stdout. A progress bar per table on stderr when it is a terminal; a summary line on stderr at the end.
import fs from 'node:fs';
import { once } from 'node:events';
import { Command } from 'commander';
import { exportInstance } from '../services/import/marquee-dump.js';
import { withContext } from './shared.js';
import { progressBar } from './progress.js';

export const exportCommand = () =>
  new Command('export')
    .description('write the whole instance (every table, ids kept) as JSON lines; `marquee import marquee` reads it back')
    .option('--output <file>', 'where to write (default: stdout)')
    .action(async (opts: { output?: string }) => {
      await withContext({}, async (ctx) => {
        const partial = opts.output ? `${opts.output}.partial` : null;
        const out: NodeJS.WritableStream = partial ? fs.createWriteStream(partial) : process.stdout;
        const write = async (chunk: string) => {
          if (!out.write(chunk)) await once(out, 'drain');
        };
        const bar = progressBar('{table} [{bar}] {percentage}% | {value}/{total}');
        let shown = '';
        try {
          const summary = await exportInstance(ctx.db, ctx.clock, write, (table, done, total) => {
            if (!bar) return;
            if (table !== shown) {
              if (shown) bar.stop();
              bar.start(Math.max(1, total), done, { table: table.padEnd(18) });
              shown = table;
            } else bar.update(done);
          });
          bar?.stop();
          if (partial) {
            const file = out as fs.WriteStream;
            await new Promise<void>((resolve, reject) => file.end((err?: Error | null) => (err ? reject(err) : resolve())));
            fs.renameSync(partial, opts.output!);
          }
          process.stderr.write(`exported ${summary.tables} tables, ${summary.rows} rows${opts.output ? ` to ${opts.output}` : ''}\n`);
        } catch (err) {
          bar?.stop();
          if (partial) {
            (out as fs.WriteStream).destroy();
            fs.rmSync(partial, { force: true });
          }
          throw err;
        }
      });
    });
