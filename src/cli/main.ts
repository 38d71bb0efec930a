// `marquee` — one file per command; each opens the context (migrating first), calls services, closes.
import { Command, CommanderError } from 'commander';
import { serveCommand } from './serve.js';
import { migrateCommand } from './migrate.js';
import { userCommand } from './user.js';
import { tokenCommand } from './token.js';
import { seedCommand } from './seed.js';
import { importCommand } from './import.js';
import { searchCommand } from './search.js';
import { qualityCommand } from './quality.js';
import { exportCommand } from './export.js';
import { mentionsCommand } from './mentions.js';

export async function main(argv: string[]): Promise<void> {
  const program = new Command('marquee')
    .description('Marquee: community reviews of films and series')
    .showHelpAfterError()
    .exitOverride();
  program.addCommand(serveCommand());
  program.addCommand(migrateCommand());
  program.addCommand(userCommand());
  program.addCommand(tokenCommand());
  program.addCommand(seedCommand());
  program.addCommand(importCommand());
  program.addCommand(searchCommand());
  program.addCommand(qualityCommand());
  program.addCommand(exportCommand());
  program.addCommand(mentionsCommand());
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit 0; usage errors were already printed by commander.
      process.exit(err.exitCode);
    }
    throw err;
  }
}
