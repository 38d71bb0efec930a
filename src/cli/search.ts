// `marquee search reindex`: rebuild the search keys of titles and people (and, with --reviews, the
// review word index) — after a bulk import that wrote names by plain SQL. `--missing` only adds keys
// for titles and people that have none (fast; what an importer of new rows needs).
// A progress bar goes to stderr when it is a terminal; stdout gets one JSON line at the end.
import { Command } from 'commander';
import { withContext } from './shared.js';
import { progressBar } from './progress.js';

export const searchCommand = () => {
  const search = new Command('search').description('the search indexes');
  search
    .command('reindex')
    .description('rebuild the search keys of every title and person (--reviews: the review index too)')
    .option('--reviews', 'also rebuild and compact the review word index (kept by triggers; needed only if they were bypassed)', false)
    .option('--missing', 'only index titles and people that have no search keys yet', false)
    .action(async (flags: { reviews: boolean; missing: boolean }) => {
      await withContext({}, async (ctx) => {
        if (flags.missing) {
          process.stdout.write(`${JSON.stringify(await ctx.services.search.indexMissing())}\n`);
          return;
        }
        const bar = progressBar('{phase} [{bar}] {value}/{total}');
        let phase = '';
        try {
          const summary = await ctx.services.search.reindex({
            reviews: flags.reviews,
            onProgress: bar
              ? async (p, done, total) => {
                  if (p !== phase) {
                    if (phase) bar.stop();
                    phase = p;
                    bar.start(Math.max(1, total), done, { phase: p.padEnd(7) });
                  } else bar.update(done);
                  await new Promise((resolve) => setTimeout(resolve, 0));
                }
              : undefined,
          });
          bar?.stop();
          process.stdout.write(`${JSON.stringify(summary)}\n`);
        } finally {
          bar?.stop();
        }
      });
    });
  return search;
};
