// Who a session cookie or an access token belongs to, remembered for a few seconds, so a member who
// votes ten times a minute costs one lookup instead of ten (decision 36). Only answers that found
// an account are kept: a wrong or revoked credential is always looked up, and an attacker's guesses
// cannot fill the memory.
//
// Forgetting: AccountsService drops every entry when a session or token ends or an account's role or
// suspension changes — at once on the instance that made the change, and through the change feed
// (PostgreSQL NOTIFY) on the others. The time limit bounds what a lost notification, or a change made
// by another process on a SQLite file (a CLI command while the server runs), can leave stale.
import type { UserRow } from '../store/schema.js';

interface Entry {
  user: UserRow;
  /** Epoch ms after which the entry is not used: its time limit, or the session's end if sooner. */
  until: number;
}

export class CredentialCache {
  readonly #entries = new Map<string, Entry>();
  #generation = 0;

  /**
   * @param ttlMs how long an answer is used; 0 turns the cache off.
   * @param maxEntries when full, the oldest entry makes room.
   */
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 20_000,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get(key: string, nowMs: number): UserRow | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= nowMs) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.user;
  }

  /**
   * Which clear() the cache is at. Read it before a lookup and pass it to set(): an answer read
   * before a clear() that came while it travelled is not kept (it may be what the clear was about).
   */
  get generation(): number {
    return this.#generation;
  }

  /** Remembers `user` for `key` until the time limit, or until `endsAtMs` (a session's end) if sooner. */
  set(key: string, user: UserRow, nowMs: number, generation: number, endsAtMs = Infinity): void {
    if (!this.enabled || generation !== this.#generation) return;
    this.#entries.delete(key); // re-inserted last, so the oldest entry is always first
    if (this.#entries.size >= this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, { user, until: Math.min(nowMs + this.ttlMs, endsAtMs) });
  }

  clear(): void {
    this.#generation++;
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
