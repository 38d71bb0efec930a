import { Command } from 'commander';
import { seedDemo } from '../services/seed/demo.js';
import { withContext } from './shared.js';
import { addSyntheticCommand } from './seed-synthetic.js';

export const seedCommand = () => {
  const seed = new Command('seed').description('fill the database with data');
  seed
    .command('demo')
    .description('a small real catalog with original demo reviews and votes')
    .action(async () => {
      await withContext({}, async (ctx) => {
        const summary = await seedDemo(ctx);
        process.stdout.write(`${JSON.stringify(summary)}\n`);
      });
    });
  addSyntheticCommand(seed);
  return seed;
};
