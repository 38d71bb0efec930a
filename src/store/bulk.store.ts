// Bulk writes for seeding and benchmarks: many rows per statement, one compiled statement reused.
//
// Kysely builds one multi-row INSERT with placeholders for a table (N rows × the columns) and
// compiles it once; each later statement executes that same SQL with a new parameter array, so no
// query is built per row and the engine can keep the statement prepared. The placeholders are the
// dialect's own (`?` or `$n`), so this file names no engine. Rows must arrive in column order.
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Parameters per statement: below SQLite's 32,766 and PostgreSQL's 65,535. */
export const MAX_PARAMS_PER_STATEMENT = 30_000;

export type BulkTable = keyof Database & string;
export type BulkColumn<T extends BulkTable> = keyof Database[T] & string;

/** Rows buffered for one table, sent as full multi-row statements. */
export class BulkInsert<T extends BulkTable> {
  /** Rows in one full statement. */
  readonly rowsPerStatement: number;
  readonly #width: number;
  readonly #statementParams: number;
  /** Full statements' parameters waiting to be sent. */
  #ready: unknown[][] = [];
  /** Parameters of the statement being filled. */
  #current: unknown[] = [];
  readonly #compiled = new Map<number, CompiledQuery>();
  #inserted = 0;

  constructor(
    private readonly db: Kysely<Database>,
    readonly table: T,
    readonly columns: readonly BulkColumn<T>[],
    maxParams: number = MAX_PARAMS_PER_STATEMENT,
  ) {
    if (columns.length === 0) throw new Error('BulkInsert needs at least one column');
    this.#width = columns.length;
    this.rowsPerStatement = Math.max(1, Math.floor(maxParams / columns.length));
    this.#statementParams = this.rowsPerStatement * this.#width;
  }

  /** Rows added and not yet sent. */
  get pendingRows(): number {
    return (this.#ready.length * this.#statementParams + this.#current.length) / this.#width;
  }

  /** Rows sent so far. */
  get insertedRows(): number {
    return this.#inserted;
  }

  /** Appends one row: exactly one value per column, in `columns` order. */
  add(...values: unknown[]): void {
    if (values.length !== this.#width) throw new Error(`${this.table}: a row needs ${this.#width} values, got ${values.length}`);
    const cur = this.#current;
    for (let i = 0; i < values.length; i++) cur.push(values[i]);
    if (cur.length === this.#statementParams) {
      this.#ready.push(cur);
      this.#current = [];
    }
  }

  /**
   * Sends the buffered rows through `db` (normally a transaction): every full statement, and with
   * `all` (the default) the partial one too. Returns the rows sent.
   */
  async flush(db: Kysely<Database> = this.db, all = true): Promise<number> {
    let sent = 0;
    const full = this.#compile(this.rowsPerStatement);
    for (const parameters of this.#ready) {
      await db.executeQuery({ ...full, parameters });
      sent += this.rowsPerStatement;
    }
    this.#ready = [];
    if (all && this.#current.length > 0) {
      const rows = this.#current.length / this.#width;
      await db.executeQuery({ ...this.#compile(rows), parameters: this.#current });
      this.#current = [];
      sent += rows;
    }
    this.#inserted += sent;
    return sent;
  }

  /** Forgets the rows not sent yet (before a write is run again after a rollback). */
  discard(): void {
    this.#ready = [];
    this.#current = [];
  }

  /** The INSERT for `rows` rows, compiled once. */
  #compile(rows: number): CompiledQuery {
    const cached = this.#compiled.get(rows);
    if (cached) return cached;
    const compiled = compileRows(this.db, this.columns, rows, (db, values) => db.insertInto(this.table).values(values), this.table);
    // Keep only the latest partial size around: a run has one full size and a few remainders.
    if (rows !== this.rowsPerStatement) {
      for (const key of this.#compiled.keys()) if (key !== this.rowsPerStatement) this.#compiled.delete(key);
    }
    this.#compiled.set(rows, compiled);
    return compiled;
  }
}

/** A table whose columns all take numbers: what `compileRows` builds its placeholder rows against. */
export type PlaceholderDb = Kysely<Record<string, Record<string, number>>>;

/**
 * A multi-row statement over `columns` for `rows` rows, compiled once to be run again with new
 * parameters: `build` receives the VALUES rows holding parameter numbers (row r, column c is
 * r × width + c) and must add no parameters of its own; the compiled order is checked.
 */
export function compileRows(
  db: Kysely<Database>,
  columns: readonly string[],
  rows: number,
  build: (db: PlaceholderDb, values: Record<string, number>[]) => { compile(): CompiledQuery<unknown> },
  what: string,
): CompiledQuery {
  const width = columns.length;
  const values: Record<string, number>[] = [];
  for (let r = 0; r < rows; r++) {
    const row: Record<string, number> = {};
    for (let c = 0; c < width; c++) row[columns[c]!] = r * width + c;
    values.push(row);
  }
  const compiled = build(db as unknown as PlaceholderDb, values).compile();
  if (compiled.parameters.length !== rows * width || compiled.parameters.some((p, i) => p !== i)) {
    throw new Error(`${what}: unexpected parameter layout in the compiled statement`);
  }
  return compiled;
}

/** Runs `fn` in one transaction (commit at the end, rollback on error). */
export function inTransaction<R>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<R>): Promise<R> {
  return db.transaction().execute(fn);
}

export interface IdRange {
  count: number;
  min: number | null;
  max: number | null;
}

/** Row count and id range of a table with an integer id. */
export async function idRange(db: Kysely<Database>, table: 'users' | 'titles' | 'reviews'): Promise<IdRange> {
  const row = await db
    .selectFrom(table)
    .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.min<number | null>('id').as('min'), eb.fn.max<number | null>('id').as('max')])
    .executeTakeFirstOrThrow();
  return {
    count: Number(row.count),
    min: row.min === null ? null : Number(row.min),
    max: row.max === null ? null : Number(row.max),
  };
}

/** Largest id of a table (0 when empty): an index lookup, cheap to call after every batch. */
export async function maxId(db: Kysely<Database>, table: 'users' | 'titles' | 'reviews'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.max<number | null>('id').as('max')).executeTakeFirst();
  return row?.max == null ? 0 : Number(row.max);
}

/** Whether any of the tables holds a row. */
export async function anyRows(db: Kysely<Database>, tables: readonly BulkTable[]): Promise<boolean> {
  for (const table of tables) {
    const row = await db.selectFrom(table).select(sql<number>`1`.as('one')).limit(1).executeTakeFirst();
    if (row) return true;
  }
  return false;
}

/** Sets the instance-wide rating aggregate (id 1) to the given totals. */
export async function setInstanceStats(db: Kysely<Database>, ratingCount: number, ratingSumX2: number): Promise<void> {
  await db.updateTable('instance_stats').set({ rating_count: ratingCount, rating_sum_x2: ratingSumX2 }).where('id', '=', 1).execute();
}

/** Refreshes the planner's statistics after a bulk load (both engines spell it `analyze`). */
export async function analyze(db: Kysely<Database>): Promise<void> {
  await sql`analyze`.execute(db);
}
