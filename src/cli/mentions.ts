// `marquee mentions relink`: recomputes every review's mention links under the current catalog (after
// catalog edits or an import). A progress bar on stderr when it is a terminal; one JSON line on stdout.
import { Command } from 'commander';
import { withContext } from './shared.js';
import { progressBar } from './progress.js';

export function mentionsCommand(): Command {
  const cmd = new Command('mentions').description('mention links: names of titles and people in reviews');
  cmd
    .command('relink')
    .description('recompute the mention links of every review under the current catalog')
    .action(async () => {
      await withContext({}, async (ctx) => {
        const bar = progressBar('relink [{bar}] {percentage}% | {value}/{total} reviews | ETA {eta_formatted}');
        let started = false;
        try {
          const summary = await ctx.services.mentions.relinkAll({
            onProgress: (done, total) => {
              if (!bar) return;
              if (!started) {
                bar.start(Math.max(1, total), done);
                started = true;
              } else {
                bar.setTotal(Math.max(1, total));
                bar.update(done);
              }
            },
            // Other instances drop their cached pages of these titles (NOTIFY on PostgreSQL).
            onChangedTitle: (titleId) => ctx.services.changes.publish({ kind: 'title', titleId }),
          });
          bar?.stop();
          process.stdout.write(`${JSON.stringify(summary)}\n`);
        } finally {
          bar?.stop();
        }
      });
    });
  return cmd;
}
