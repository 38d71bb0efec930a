// Everything PostgreSQL-specific: the pool, type parsing, notifications between app instances.
import pg from 'pg';
import { PostgresDialect, type Dialect } from 'kysely';

// COUNT(*) and SUM() come back as int8/numeric; our numbers stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export function openPgPool(url: string, max = 10, onIdleError: (err: Error) => void = () => {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'marquee' });
  // An idle client whose connection the server closed (restart, failover) is dropped by the pool;
  // without a listener the 'error' event would end the process.
  pool.on('error', onIdleError);
  return pool;
}

export function postgresDialect(pool: pg.Pool): Dialect {
  return new PostgresDialect({ pool });
}

/** Names the table and columns of a unique-constraint violation ("users.handle_key"), or null. */
export function pgUniqueViolation(err: unknown): string | null {
  const e = err as { code?: string; table?: string; detail?: string };
  if (e?.code !== '23505') return null;
  const cols = /Key \(([^)]+)\)=/.exec(e.detail ?? '')?.[1]?.split(',').map((c) => c.trim()) ?? [];
  return cols.length ? cols.map((c) => `${e.table}.${c}`).join(',') : `${e.table}.unknown`;
}

/** Serialization failures and deadlocks: the transaction may simply be tried again. */
export function pgIsRetryable(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === '40001' || code === '40P01';
}

/**
 * A dedicated connection that LISTENs on a channel, so several app instances sharing one database
 * learn of each other's writes (cache invalidation). Reconnects after a dropped connection.
 */
export class PgListener {
  #client: pg.Client | null = null;
  #closed = false;
  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly onMessage: (payload: string) => void,
    private readonly onError: (err: Error) => void,
  ) {}

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'marquee-listener' });
    client.on('notification', (msg) => {
      if (msg.channel === this.channel && msg.payload !== undefined) this.onMessage(msg.payload);
    });
    client.on('error', (err) => {
      this.onError(err);
      this.#client = null;
      if (!this.#closed) setTimeout(() => void this.start().catch(this.onError), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${pg.escapeIdentifier(this.channel)}`);
    this.#client = client;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#client?.end().catch(() => {});
  }
}
