import { Command } from 'commander';
import { loadConfig } from '../config.js';
import { openDb } from '../store/db.js';
import { migrateToLatest } from '../store/migrate.js';

export const migrateCommand = () =>
  new Command('migrate').description('bring the database schema up to date').action(async () => {
    const db = openDb(loadConfig().databaseUrl);
    try {
      const applied = await migrateToLatest(db);
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n');
    } finally {
      await db.close();
    }
  });
