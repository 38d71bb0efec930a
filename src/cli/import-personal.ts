// `marquee import letterboxd|imdb-ratings --handle H FILE…` (a person's export from another site, into
// their account) and `marquee import marquee FILE` (a whole-instance export, into an empty instance).
// stdout: the report as one JSON object; stderr: every line listed back as `FILE:LINE: reason`.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { Command } from 'commander';
import { actorOf } from '../services/accounts.service.js';
import { parseLetterboxd, type InputFile } from '../services/import/letterboxd.js';
import { parseImdbRatings } from '../services/import/imdb-ratings.js';
import { reportLines, type ImportReport } from '../services/import/personal-import.service.js';
import type { ParsedExport } from '../services/import/personal-rows.js';
import { importInstance } from '../services/import/marquee-dump.js';
import type { AppContext } from '../context.js';
import { withContext } from './shared.js';
import { progressBar } from './progress.js';

function readInputs(files: string[]): InputFile[] {
  return files.map((f) => {
    try {
      return { name: path.basename(f), bytes: fs.readFileSync(f) };
    } catch (err) {
      throw new Error(`cannot read ${f}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  });
}

async function runPersonal(handle: string, parse: () => ParsedExport): Promise<void> {
  const parsed = parse();
  await withContext({}, async (ctx: AppContext) => {
    const user = await ctx.services.accounts.byHandle(handle);
    const report: ImportReport = await ctx.services.personalImport.import(actorOf(user), parsed);
    for (const line of reportLines(report)) process.stderr.write(`${line}\n`);
    process.stdout.write(`${JSON.stringify(summary(report))}\n`);
  });
}

/** The report without the per-line lists (those went to stderr). */
const summary = (r: ImportReport) => ({ ...r, unmatched: r.unmatched.length, skipped: r.skipped.length });

export const importLetterboxdCommand = () =>
  new Command('letterboxd')
    .description("a Letterboxd export (the ZIP, or its reviews.csv, ratings.csv, diary.csv) into a person's account")
    .requiredOption('--handle <handle>', 'whose account')
    .argument('<files...>', 'the ZIP or CSV files')
    .action(async (files: string[], opts: { handle: string }) => {
      await runPersonal(opts.handle, () => parseLetterboxd(readInputs(files)));
    });

export const importImdbRatingsCommand = () =>
  new Command('imdb-ratings')
    .description('an IMDb "Your ratings" CSV export into a person\'s account')
    .requiredOption('--handle <handle>', 'whose account')
    .argument('<file>', 'the CSV file')
    .action(async (file: string, opts: { handle: string }) => {
      await runPersonal(opts.handle, () => parseImdbRatings(readInputs([file])[0]!));
    });

/** The file's lines, read only once the consumer starts (readline drops lines nobody listens for). */
async function* linesOf(file: string): AsyncGenerator<string> {
  const rl = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  try {
    for await (const line of rl) yield line;
  } finally {
    rl.close();
  }
}

export const importMarqueeCommand = () =>
  new Command('marquee')
    .description('a whole-instance export (`marquee export`) into an empty instance, ids kept')
    .argument('<file>', 'the JSON-lines file')
    .action(async (file: string) => {
      let size: number;
      try {
        size = fs.statSync(file).size;
      } catch (err) {
        throw new Error(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      await withContext({}, async (ctx) => {
        const bar = progressBar('import [{bar}] {percentage}% | ETA {eta_formatted}');
        bar?.start(Math.max(1, size), 0);
        try {
          const result = await importInstance(ctx.db, path.basename(file), linesOf(file), (bytes) => bar?.update(Math.min(bytes, size)));
          bar?.stop();
          process.stdout.write(`${JSON.stringify(result)}\n`);
        } finally {
          bar?.stop();
        }
      });
    });
