// Brings the schema up to date with Kysely's migrator. Migrations are listed here (not read from a
// folder at run time) so the compiled build and the tests see exactly the same set.
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './db.js';
import * as m0001 from './migrations/0001_initial.js';
import * as m0002 from './migrations/0002_search.js';
import * as m0003 from './migrations/0003_external_ids.js';
import * as m0004 from './migrations/0004_personal_data.js';
import * as m0005 from './migrations/0005_moderation.js';
import * as m0006 from './migrations/0006_mentions.js';
import * as m0007 from './migrations/0007_quality_scan_keys.js';
import * as m0008 from './migrations/0008_search_compact_index.js';
import * as m0009 from './migrations/0009_search_order_upper.js';

const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_search': m0002,
  '0003_external_ids': m0003,
  '0004_personal_data': m0004,
  '0005_moderation': m0005,
  '0006_mentions': m0006,
  '0007_quality_scan_keys': m0007,
  '0008_search_compact_index': m0008,
  '0009_search_order_upper': m0009,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider, migrationTableName: 'marquee_migrations', migrationLockTableName: 'marquee_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
