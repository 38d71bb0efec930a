// Queries built and compiled once, then run many times with new values. Building and compiling a
// Kysely query costs microseconds; on the vote path (four statements a vote, thousands of votes a
// second on one writer) that was a fifth of the writer's time (docs/PERFORMANCE.md, votes). The
// query is built once with marker values standing for its arguments; the compiled parameters are
// mapped back to argument positions, so a run only fills an array, and the engine keeps the same
// SQL prepared. The SQL is each engine's own (compiled by the Kysely it first runs on), so this file
// names no engine.
import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { Database } from './schema.js';

const MARK = '\u0000prepared-arg-';

export class PreparedQuery<A extends readonly unknown[], R> {
  /** Per Kysely dialect (one SQL text per engine): the compiled query and, per parameter, its argument (-1: a constant). */
  readonly #compiled = new WeakMap<object, { query: CompiledQuery<R>; slots: number[] }>();

  /**
   * `build` receives one marker per argument and must use each where the argument's value goes
   * (never compute with it: the markers are not the values).
   */
  constructor(
    private readonly arity: A['length'],
    private readonly build: (db: Kysely<Database>, ...args: A) => Compilable<R>,
  ) {}

  async execute(db: Kysely<Database>, ...args: A): Promise<QueryResult<R>> {
    const { query, slots } = this.#compile(db);
    const parameters = slots.map((slot, i) => (slot < 0 ? query.parameters[i] : args[slot]));
    return db.executeQuery<R>({ ...query, parameters });
  }

  async rows(db: Kysely<Database>, ...args: A): Promise<R[]> {
    return (await this.execute(db, ...args)).rows;
  }

  async first(db: Kysely<Database>, ...args: A): Promise<R | undefined> {
    return (await this.execute(db, ...args)).rows[0];
  }

  #compile(db: Kysely<Database>): { query: CompiledQuery<R>; slots: number[] } {
    // A transaction's Kysely differs from its parent's, the executor's adapter does not.
    const key = db.getExecutor().adapter;
    let entry = this.#compiled.get(key);
    if (entry) return entry;
    const markers = Array.from({ length: this.arity }, (_, i) => `${MARK}${i}`) as unknown as A;
    const query = this.build(db, ...markers).compile();
    const used = new Set<number>();
    const slots = query.parameters.map((p) => {
      if (typeof p !== 'string' || !p.startsWith(MARK)) return -1;
      const slot = Number(p.slice(MARK.length));
      used.add(slot);
      return slot;
    });
    if (used.size !== this.arity) throw new Error(`PreparedQuery: ${this.arity - used.size} argument(s) not used as values in the query`);
    entry = { query, slots };
    this.#compiled.set(key, entry);
    return entry;
  }
}
