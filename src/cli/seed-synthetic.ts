// `marquee seed synthetic`: deterministic benchmark-sized data (src/services/seed/synthetic.ts).
// Progress bars go to stderr, and only when it is a terminal; stdout gets one JSON line at the end.
import type { Command } from 'commander';
import { seedSynthetic, type SyntheticPhase } from '../services/seed/synthetic.js';
import { parsePositiveInt, withContext } from './shared.js';
import { phaseBars } from './progress.js';

interface SyntheticFlags {
  titles: number;
  users: number;
  reviews: number;
  votes: number;
  seed: number;
}

export function addSyntheticCommand(seed: Command): Command {
  return seed
    .command('synthetic')
    .description('deterministic synthetic data for benchmarks (needs an empty database)')
    .option('--titles <n>', 'titles', parsePositiveInt('--titles'), 10_000)
    .option('--users <n>', 'users', parsePositiveInt('--users'), 100_000)
    .option('--reviews <n>', 'reviews (one per user and title at most)', parsePositiveInt('--reviews'), 1_000_000)
    .option('--votes <n>', 'helpful votes', parsePositiveInt('--votes'), 10_000_000)
    .option('--seed <s>', 'random seed: the same seed gives the same data', parsePositiveInt('--seed'), 1)
    .action(async (flags: SyntheticFlags) => {
      await withContext({}, async (ctx) => {
        const progress = phaseBars();
        try {
          const summary = await seedSynthetic(ctx, {
            titles: flags.titles,
            users: flags.users,
            reviews: flags.reviews,
            votes: flags.votes,
            seed: flags.seed,
            ...(progress ? { onProgress: (phase: SyntheticPhase, done: number, total: number) => progress.update(phase, done, total) } : {}),
          });
          progress?.stop();
          process.stdout.write(`${JSON.stringify(summary)}\n`);
        } finally {
          progress?.stop();
        }
      });
    });
}

