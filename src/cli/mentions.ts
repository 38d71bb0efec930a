// `marquee mentions relink`: recomputes every review's mention links under the current catalog (after
// catalog edits or an import). A progress bar on stderr when it is a terminal; one JSON line on stdout.
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { withContext } from './shared.js';

export function mentionsCommand(): Command {
  const cmd = new Command('mentions').description('mention links: names of titles and people in reviews');
  cmd
    .command('relink')
    .description('recompute the mention links of every review under the current catalog')
    .action(async () => {
      await withContext({}, async (ctx) => {
        const bar = process.stderr.isTTY
          ? new cliProgress.SingleBar(
              { stream: process.stderr, format: 'relink [{bar}] {percentage}% | {value}/{total} reviews | ETA {eta_formatted}', hideCursor: true, fps: 5 },
              cliProgress.Presets.shades_classic,
            )
          : null;
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
