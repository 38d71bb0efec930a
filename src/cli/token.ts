import { Command } from 'commander';
import { withContext } from './shared.js';

export const tokenCommand = () => {
  const token = new Command('token').description('personal access tokens');
  token
    .command('create')
    .description('create a token for an account and print the secret alone on its line')
    .requiredOption('--handle <handle>')
    .option('--name <name>', 'what the token is for', 'cli')
    .action(async (opts: { handle: string; name: string }) => {
      await withContext({}, async (ctx) => {
        const user = await ctx.services.accounts.byHandle(opts.handle);
        const created = await ctx.services.accounts.createToken(user.id, opts.name);
        process.stdout.write(`${created.token}\n`);
      });
    });
  return token;
};
