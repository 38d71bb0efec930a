// `marquee seed demo` writes its reviews through the instance's own quality settings, like any
// review: a policy that holds short text holds the demo reviews it finds short.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { openContext, type AppContext } from '../../src/context.js';
import { seedDemo } from '../../src/services/seed/demo.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

describe('seed demo', () => {
  let db: TestDatabase;
  let ctx: AppContext;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    ctx = await openContext(
      loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent', MARQUEE_QUALITY_POLICY: 'too_short=hold', MARQUEE_MIN_REVIEW_LENGTH: '20000' }),
      { logger: pino({ level: 'silent' }) },
    );
  });
  afterAll(async () => {
    await ctx?.close();
    await db?.drop();
  });

  it('follows the configured quality policy', async () => {
    const summary = await seedDemo(ctx);
    expect(summary.votes).toBe(0); // held reviews take no votes
    const statuses = await ctx.db.kysely.selectFrom('reviews').select(['status', 'status_cause']).execute();
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.every((r) => r.status === 'pending' && r.status_cause === 'quality')).toBe(true);
  });
});
