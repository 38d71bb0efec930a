// Accounts, sign-in sessions and personal access tokens.
import { hash, randomBytes } from 'node:crypto';
import { hash as argonHash, verify as argonVerify, Algorithm } from '@node-rs/argon2';
import type { Config } from '../config.js';
import type { Db } from '../store/db.js';
import { translatingUnique } from '../store/db.js';
import { UsersStore } from '../store/users.store.js';
import type { UserRow } from '../store/schema.js';
import type { WriteQueue } from '../store/write-queue.js';
import { AppError, invalid, notFound } from '../domain/errors.js';
import { roleForNewAccount, type Actor, type Role } from '../domain/permissions.js';
import { userJson, type UserJson } from './present.js';
import type { Clock } from './clock.js';
import type { ChangeFeed } from './changes.js';
import { CredentialCache } from './credential-cache.js';

// OWASP's recommended argon2id minimum (19 MiB, 2 passes, 1 lane).
const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
// Compared against when the login names no account, so both halves of a wrong pair take as long.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$E/il1zvRjfDx+3+5nfyueQ$V52R5uacbRXemqHbGKtkenXWKNXphuKiMEEKg3rrAdA';

export const HANDLE_PATTERN = '^[A-Za-z0-9_]{3,30}$';
export const PASSWORD_MIN = 10;

/** 256 random bits, URL-safe; only its SHA-256 is stored. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}
export const hashSecret = (secret: string): string => hash('sha256', secret, 'hex');

export const actorOf = (u: UserRow): Actor => ({ id: u.id, role: u.role, suspended: u.suspended === 1 });

export class AccountsService {
  readonly #users: UsersStore;
  readonly #credentials: CredentialCache;

  constructor(
    private readonly db: Db,
    private readonly writes: WriteQueue,
    private readonly config: Config,
    private readonly clock: Clock,
    private readonly changes: ChangeFeed,
  ) {
    this.#users = new UsersStore(db.kysely);
    this.#credentials = new CredentialCache(config.authCacheSeconds * 1000);
    // Any instance's change to who may do what: forget every remembered credential.
    changes.subscribe((change) => {
      if (change.kind === 'accounts') this.#credentials.clear();
    });
  }

  async register(input: { handle: string; email: string; password: string; displayName?: string; role?: Role }): Promise<UserRow> {
    if (!new RegExp(HANDLE_PATTERN).test(input.handle)) {
      throw invalid('handle', 'A handle is 3 to 30 letters, digits or underscores.');
    }
    if (input.password.length < PASSWORD_MIN) throw invalid('password', `A password needs at least ${PASSWORD_MIN} characters.`);
    const email = input.email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw invalid('email', 'That is not an e-mail address.');
    const passwordHash = await argonHash(input.password, ARGON2);
    const now = this.clock.now().toISOString();
    // The unique keys settle races; the violation is translated outside the group transaction,
    // which it has rolled back (see src/store/write-queue.ts).
    return translatingUnique(
      this.db,
      {
        'users.handle_key': () => new AppError('handle_taken', undefined, 'handle'),
        'users.email_key': () => new AppError('email_taken', undefined, 'email'),
      },
      () =>
        this.writes.run(async (trx) => {
          const users = new UsersStore(trx);
          const role = input.role ?? roleForNewAccount(await users.hasAdmin());
          return users.create({ handle: input.handle, email, displayName: input.displayName?.trim() || input.handle, passwordHash, role, now });
        }),
    );
  }

  /** The account for a login (handle or e-mail) and password; one answer for either wrong half. */
  async authenticate(login: string, password: string): Promise<UserRow> {
    const user = await this.#users.byLogin(login.trim());
    const ok = await argonVerify(user?.password_hash ?? DUMMY_HASH, password).catch(() => false);
    if (!user || !ok) throw new AppError('invalid_credentials');
    if (user.suspended) throw new AppError('account_suspended');
    return user;
  }

  /** Starts a session; returns the secret for the cookie (only its hash is stored). */
  async startSession(userId: number): Promise<{ token: string; expiresAt: Date }> {
    const token = newSecret();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.sessionDays * 86_400_000);
    await this.writes.run((trx) => new UsersStore(trx).createSession(hashSecret(token), userId, now.toISOString(), expiresAt.toISOString()));
    return { token, expiresAt };
  }

  async endSession(token: string): Promise<void> {
    await this.writes.run((trx) => new UsersStore(trx).deleteSession(hashSecret(token)));
    this.changes.publish({ kind: 'accounts' });
  }

  /** The account of a session that has not ended; remembered for a few seconds (CredentialCache). */
  userForSession(token: string): Promise<UserRow | undefined> {
    return this.#remembered('s', token, async (tokenHash, now) => {
      const found = await this.#users.sessionOwner(tokenHash, now.toISOString());
      return found && { user: found.user, endsAtMs: Date.parse(found.expiresAt) };
    });
  }

  /** The account of a personal access token; remembered for a few seconds (CredentialCache). */
  userForToken(token: string): Promise<UserRow | undefined> {
    return this.#remembered('t', token, async (tokenHash) => {
      const user = await this.#users.userByToken(tokenHash);
      return user && { user };
    });
  }

  /** The credential's account from memory, else from `lookup` (by the secret's hash), then remembered. */
  async #remembered(
    kind: 's' | 't',
    secret: string,
    lookup: (tokenHash: string, now: Date) => Promise<{ user: UserRow; endsAtMs?: number } | undefined>,
  ): Promise<UserRow | undefined> {
    const tokenHash = hashSecret(secret);
    const key = `${kind}:${tokenHash}`;
    const now = this.clock.now();
    const cached = this.#credentials.get(key, now.getTime());
    if (cached) return cached;
    const generation = this.#credentials.generation;
    const found = await lookup(tokenHash, now);
    if (!found) return undefined;
    this.#credentials.set(key, found.user, now.getTime(), generation, found.endsAtMs);
    return found.user;
  }

  async createToken(userId: number, name: string): Promise<{ id: number; name: string; token: string }> {
    const token = newSecret('mq_');
    const row = await this.writes.run((trx) => new UsersStore(trx).createToken(userId, name, hashSecret(token), this.clock.now().toISOString()));
    return { ...row, token };
  }

  async deleteToken(userId: number, id: number): Promise<void> {
    const deleted = await this.writes.run((trx) => new UsersStore(trx).deleteToken(id, userId));
    if (!deleted) throw notFound('No such token.');
    this.changes.publish({ kind: 'accounts' });
  }

  async byHandle(handle: string): Promise<UserRow> {
    const user = await this.#users.byHandle(handle);
    if (!user) throw notFound('No such user.');
    return user;
  }

  async profile(handle: string): Promise<{ user: UserJson; stats: { reviews: number; helpful_yes_received: number } }> {
    const user = await this.byHandle(handle);
    return { user: userJson(user), stats: await this.#users.stats(user.id) };
  }

  async setRole(handle: string, role: Role): Promise<UserRow> {
    const user = await this.byHandle(handle);
    await this.writes.run((trx) => new UsersStore(trx).setRole(user.id, role));
    this.changes.publish({ kind: 'accounts' });
    return { ...user, role };
  }
}
