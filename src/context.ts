// Everything a running Marquee needs, built once from the Config and closed with one call. The HTTP
// app and every CLI command take this; tests build one per database.
import pino, { type Logger } from 'pino';
import type { Config } from './config.js';
import { openDb, ping, type Db } from './store/db.js';
import { migrateToLatest } from './store/migrate.js';
import { WriteQueue } from './store/write-queue.js';
import { SharedWriteLock } from './store/write-lock.js';
import { InlineWrites, type NamedWrites } from './services/named-writes.js';
import { autocheckpointFramesFor } from './store/dialect/sqlite-checkpointer.js';
import { WriterThread } from './services/writer-thread.js';
import { AccountsService } from './services/accounts.service.js';
import { CatalogService } from './services/catalog.service.js';
import { ReviewsService } from './services/reviews.service.js';
import { VotesService } from './services/votes.service.js';
import { ReportsService } from './services/reports.service.js';
import { ChangeFeed } from './services/changes.js';
import { SearchService } from './services/search.service.js';
import { MentionsService } from './services/mentions.service.js';
import { systemClock, type Clock } from './services/clock.js';
import { PersonalImportService } from './services/import/personal-import.service.js';
import { ExportService } from './services/export.service.js';
import { QualityService } from './services/quality.service.js';
import { ModerationService } from './services/moderation.service.js';

export interface Services {
  accounts: AccountsService;
  catalog: CatalogService;
  reviews: ReviewsService;
  votes: VotesService;
  reports: ReportsService;
  changes: ChangeFeed;
  personalImport: PersonalImportService;
  exports: ExportService;
  search: SearchService;
  mentions: MentionsService;
  quality: QualityService;
  moderation: ModerationService;
}

export interface AppContext {
  config: Config;
  logger: Logger;
  db: Db;
  writes: WriteQueue;
  /** The writes that may run on the writer thread (votes). */
  namedWrites: NamedWrites;
  /** SQLite's write lock as the server thread and the writer thread share it (none: no writer thread). */
  writeLock: SharedWriteLock | undefined;
  services: Services;
  clock: Clock;
  /** Whether the database answers (readiness probe). */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

export interface ContextOptions {
  logger?: Logger;
  clock?: Clock;
  /** Run migrations first (default true). */
  migrate?: boolean;
  /** Listen for other instances' changes (PostgreSQL; serve turns it on). */
  listen?: boolean;
}

export async function openContext(config: Config, options: ContextOptions = {}): Promise<AppContext> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const clock = options.clock ?? systemClock;
  const db = openDb(config.databaseUrl, {
    onConnectionError: (err) => logger.warn({ err }, 'a pooled database connection failed while idle'),
    // With a checkpointer thread (started by the writer thread) SQLite's own checkpoints are its fallback.
    autocheckpointFrames: autocheckpointFramesFor(config.writerThread && config.checkpointer, config.checkpointFrames),
  });
  try {
    if (options.migrate !== false) {
      const applied = await migrateToLatest(db);
      if (applied.length) logger.info({ applied }, 'database migrated');
    }
  } catch (err) {
    await db.close();
    throw err;
  }
  // On a SQLite file, votes commit on a writer thread; the two threads share SQLite's write lock.
  const file = db.parts.file;
  const lock = config.writerThread && file !== undefined && file !== ':memory:' ? new SharedWriteLock() : undefined;
  const writes = new WriteQueue(db.kysely, {
    maxBatch: config.writeBatchMax,
    concurrency: db.engine === 'sqlite' ? 1 : 4,
    isRetryable: db.parts.isRetryable,
    lock,
  });
  const namedWrites: NamedWrites = lock
    ? new WriterThread({ databaseUrl: config.databaseUrl, lock, maxBatch: config.writeBatchMax, checkpointer: config.checkpointer, checkpointFrames: config.checkpointFrames }, (err) => {
        // A thread that died may hold SQLite's write lock (and ours) for good: no write of this
        // process could go on. Every answered write is durable, so stop and let the supervisor
        // start a new process, which recovers the log.
        logger.fatal({ err }, 'the writer thread failed; stopping');
        process.exit(1);
      })
    : new InlineWrites(writes);
  const changes = new ChangeFeed(db);
  if (options.listen) await changes.listen((err) => logger.warn({ err }, 'change listener lost its connection'));
  const mentions = new MentionsService(db, writes, (err) => logger.warn({ err }, 'rebuilding the mention matcher failed'));
  const quality = new QualityService(db, config.quality);
  const reviews = new ReviewsService(db, writes, clock, changes, mentions, quality);
  const catalog = new CatalogService(db, writes, config, clock, changes);
  const services: Services = {
    accounts: new AccountsService(db, writes, config, clock, changes),
    catalog,
    reviews,
    votes: new VotesService(namedWrites, clock, changes),
    reports: new ReportsService(db, writes, clock, changes),
    changes,
    personalImport: new PersonalImportService(db, writes, clock, reviews, changes),
    exports: new ExportService(db, clock),
    search: new SearchService(db, catalog),
    mentions,
    quality,
    moderation: new ModerationService(db, writes, clock, changes),
  };
  let closed = false;
  return {
    config,
    logger,
    db,
    writes,
    namedWrites,
    writeLock: lock,
    services,
    clock,
    ready: async () => namedWrites.healthy() && (await ping(db)),
    async close() {
      if (closed) return;
      closed = true;
      await namedWrites.close();
      await writes.close();
      await changes.close();
      await db.close();
    },
  };
}
