// `marquee import …` — the paths data comes in by. Each source registers its own subcommand from its
// own file (imdb datasets, a person's Letterboxd or IMDb ratings export, a Marquee export).
import { Command } from 'commander';
import { importImdbCommand } from './import-imdb.js';
import { importImdbRatingsCommand, importLetterboxdCommand, importMarqueeCommand } from './import-personal.js';

export const importCommand = () => {
  const cmd = new Command('import').description('bring data in: IMDb datasets, personal exports, a Marquee export');
  // Subcommands are added below, one line per source:
  cmd.addCommand(importImdbCommand());
  cmd.addCommand(importLetterboxdCommand());
  cmd.addCommand(importImdbRatingsCommand());
  cmd.addCommand(importMarqueeCommand());
  return cmd;
};
