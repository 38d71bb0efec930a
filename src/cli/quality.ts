// `marquee quality scan [--restart] [--batch N]`: every check on every stored review, resumable
// (src/services/quality-scan.service.ts says exactly what it changes). A progress bar on stderr when
// it is a terminal; one JSON line on stdout at the end.
import { Command } from 'commander';
import { QualityScanService } from '../services/quality-scan.service.js';
import { parsePositiveInt, withContext } from './shared.js';
import { progressBar } from './progress.js';

interface ScanFlags {
  restart?: boolean;
  batch: number;
  limit?: number;
  threads?: number;
}

export function qualityCommand(): Command {
  const quality = new Command('quality').description('review quality checks');
  quality
    .command('scan')
    .description('check every stored review again, update warnings and rebuild the near-duplicate index; resumes an interrupted scan')
    .option('--restart', 'start over: forget the progress of an interrupted scan')
    .option('--batch <n>', 'reviews per transaction', parsePositiveInt('--batch'), 1000)
    .option('--limit <n>', 'stop after this many reviews (resume later)', parsePositiveInt('--limit'))
    .option('--threads <n>', 'worker threads for the text checks (0: none; default: one per core)', parsePositiveInt('--threads'))
    .action(async (flags: ScanFlags) => {
      await withContext({}, async (ctx) => {
        const bar = progressBar('scan [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}');
        const indexBar = progressBar('index [{bar}] {percentage}% | {value}/{total} rows | ETA {eta_formatted}');
        const started = performance.now();
        let startedAt = -1;
        try {
          const scanner = new QualityScanService(ctx.db, ctx.writes, ctx.clock, ctx.services.quality);
          const summary = await scanner.scan({
            ...(flags.restart ? { restart: true } : {}),
            batchSize: Math.max(1, flags.batch),
            ...(flags.limit !== undefined ? { stopAfter: flags.limit } : {}),
            ...(flags.threads !== undefined ? { threads: flags.threads } : {}),
            ...(bar
              ? {
                  onProgress: (done: number, total: number) => {
                    if (startedAt < 0) {
                      startedAt = done;
                      bar.start(Math.max(1, total), done, { rate: 0 });
                    }
                    const seconds = (performance.now() - started) / 1000;
                    bar.update(done, { rate: seconds > 0 ? Math.round((done - startedAt) / seconds) : 0 });
                  },
                  onIndexProgress: (done: number, total: number) => {
                    if (done === 0) {
                      bar.stop();
                      indexBar?.start(Math.max(1, total), 0);
                    } else indexBar?.update(done);
                  },
                }
              : {}),
          });
          bar?.stop();
          indexBar?.stop();
          process.stdout.write(`${JSON.stringify(summary)}\n`);
        } finally {
          bar?.stop();
          indexBar?.stop();
        }
      });
    });
  return quality;
}

