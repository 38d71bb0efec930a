import { Command, Option } from 'commander';
import { userJson } from '../services/present.js';
import { withContext } from './shared.js';
import type { Role } from '../domain/permissions.js';

export const userCommand = () => {
  const user = new Command('user').description('manage accounts');
  user
    .command('create')
    .description('create an account and print it as JSON')
    .requiredOption('--handle <handle>', '3–30 letters, digits or _')
    .requiredOption('--email <email>')
    .requiredOption('--password <password>', 'at least 10 characters')
    .addOption(new Option('--role <role>', 'member, moderator or admin').choices(['member', 'moderator', 'admin']))
    .option('--display-name <name>')
    .action(async (opts: { handle: string; email: string; password: string; role?: Role; displayName?: string }) => {
      await withContext({}, async (ctx) => {
        const created = await ctx.services.accounts.register({ handle: opts.handle, email: opts.email, password: opts.password, role: opts.role, displayName: opts.displayName });
        process.stdout.write(`${JSON.stringify(userJson(created))}\n`);
      });
    });
  user
    .command('role')
    .description('change the role of an account')
    .requiredOption('--handle <handle>')
    .addOption(new Option('--role <role>').choices(['member', 'moderator', 'admin']).makeOptionMandatory())
    .action(async (opts: { handle: string; role: Role }) => {
      await withContext({}, async (ctx) => {
        process.stdout.write(`${JSON.stringify(userJson(await ctx.services.accounts.setRole(opts.handle, opts.role)))}\n`);
      });
    });
  return user;
};
