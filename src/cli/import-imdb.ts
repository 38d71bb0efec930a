// `marquee import imdb DIR`: IMDb's non-commercial datasets (src/services/import/imdb-datasets.ts).
// stdout gets one JSON summary line; stderr gets each skipped line as FILE:LINE: reason and, on a
// terminal, a progress bar per pass. Skipped lines do not make the command fail.
import { Command } from 'commander';
import { importImdbDatasets } from '../services/import/imdb-datasets.js';
import { IMDB_DEFAULT_TYPES, checkImdbTypes, plausibleYear } from '../domain/imdb-tsv.js';
import { parsePositiveInt, withContext } from './shared.js';
import { phaseBars } from './progress.js';

interface ImdbFlags {
  types: string[];
  since?: number;
  minVotes?: number;
  includeAdult?: boolean;
}

function typeList(value: string): string[] {
  const types = value.split(',').map((t) => t.trim()).filter(Boolean);
  const problem = checkImdbTypes(types);
  if (problem) throw new Error(`--types: ${problem}`);
  return types;
}

function year(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || !plausibleYear(n)) throw new Error(`--since must be a year (got "${value}")`);
  return n;
}

export const importImdbCommand = () =>
  new Command('imdb')
    .description('IMDb datasets (title.basics, title.akas, title.crew, title.principals, name.basics, title.ratings; .tsv or .tsv.gz) from DIR')
    .argument('<dir>', 'folder holding the files as IMDb publishes them')
    .option('--types <list>', 'IMDb title types to import, comma-separated', typeList, [...IMDB_DEFAULT_TYPES])
    .option('--since <year>', 'only titles that started in this year or later', year)
    .option('--min-votes <n>', 'only titles with at least N votes in title.ratings', parsePositiveInt('--min-votes'))
    .option('--include-adult', 'also import titles IMDb marks as adult')
    .action(async (dir: string, flags: ImdbFlags) => {
      await withContext({}, async (ctx) => {
        // One bar per pass over a file, in megabytes of that file.
        const bars = phaseBars({ unit: 'MB', labelWidth: 26, scale: (bytes) => Math.round(bytes / 1e5) / 10 });
        try {
          const summary = await importImdbDatasets(ctx, {
            dir,
            types: flags.types,
            ...(flags.since !== undefined ? { since: flags.since } : {}),
            ...(flags.minVotes !== undefined ? { minVotes: flags.minVotes } : {}),
            includeAdult: flags.includeAdult === true,
            onMalformed: ({ file, line, reason }) => {
              const text = `${file}:${line}: ${reason}\n`;
              if (bars) bars.log(text);
              else process.stderr.write(text);
            },
            ...(bars ? { onProgress: (phase: string, done: number, total: number) => bars.update(phase, done, total) } : {}),
          });
          bars?.stop();
          process.stdout.write(`${JSON.stringify(summary)}\n`);
        } finally {
          bars?.stop();
        }
      });
    });

