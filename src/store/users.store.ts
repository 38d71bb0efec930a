// Accounts, sessions and personal access tokens.
import type { Kysely } from 'kysely';
import type { Database, UserRow } from './schema.js';
import { PreparedQuery } from './prepared.js';

export type Role = UserRow['role'];

// Who is calling: asked on every signed-in request, so compiled once (src/store/prepared.ts).
const USER_BY_SESSION = new PreparedQuery(2, (db, tokenHash: string, now: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select('sessions.expires_at as session_expires_at')
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now),
);
const USER_BY_TOKEN = new PreparedQuery(1, (db, tokenHash: string) =>
  db.selectFrom('tokens').innerJoin('users', 'users.id', 'tokens.user_id').selectAll('users').where('tokens.token_hash', '=', tokenHash),
);

export class UsersStore {
  constructor(private readonly db: Kysely<Database>) {}

  async create(input: { handle: string; email: string; displayName: string; passwordHash: string; role: Role; now: string }): Promise<UserRow> {
    return this.db
      .insertInto('users')
      .values({
        handle: input.handle,
        handle_key: input.handle.toLowerCase(),
        email: input.email,
        email_key: input.email.toLowerCase(),
        display_name: input.displayName,
        password_hash: input.passwordHash,
        role: input.role,
        created_at: input.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async hasAdmin(): Promise<boolean> {
    const row = await this.db.selectFrom('users').select('id').where('role', '=', 'admin').limit(1).executeTakeFirst();
    return row !== undefined;
  }

  byId(id: number): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  byHandle(handle: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('handle_key', '=', handle.toLowerCase()).executeTakeFirst();
  }

  /** `login` is a handle or an e-mail address. */
  byLogin(login: string): Promise<UserRow | undefined> {
    const key = login.toLowerCase();
    return this.db
      .selectFrom('users')
      .selectAll()
      .where((eb) => eb.or([eb('handle_key', '=', key), eb('email_key', '=', key)]))
      .executeTakeFirst();
  }

  async setRole(id: number, role: Role): Promise<void> {
    await this.db.updateTable('users').set({ role }).where('id', '=', id).execute();
  }

  async stats(userId: number): Promise<{ reviews: number; helpful_yes_received: number }> {
    const row = await this.db
      .selectFrom('reviews')
      .select((eb) => [eb.fn.countAll<number>().as('reviews'), eb.fn.coalesce(eb.fn.sum<number>('helpful_yes'), eb.lit(0)).as('yes')])
      .where('author_id', '=', userId)
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();
    return { reviews: Number(row.reviews), helpful_yes_received: Number(row.yes) };
  }

  // Sessions ----------------------------------------------------------------------------------

  async createSession(tokenHash: string, userId: number, now: string, expiresAt: string): Promise<void> {
    await this.db.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, created_at: now, expires_at: expiresAt }).execute();
  }

  /** The session's account and when the session ends, if it has not ended by `now`. */
  async sessionOwner(tokenHash: string, now: string): Promise<{ user: UserRow; expiresAt: string } | undefined> {
    const row = await USER_BY_SESSION.first(this.db, tokenHash, now);
    if (!row) return undefined;
    const { session_expires_at: expiresAt, ...user } = row;
    return { user, expiresAt };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteExpiredSessions(now: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }

  // Personal access tokens --------------------------------------------------------------------

  async createToken(userId: number, name: string, tokenHash: string, now: string): Promise<{ id: number; name: string }> {
    return this.db
      .insertInto('tokens')
      .values({ user_id: userId, name, token_hash: tokenHash, created_at: now })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
  }

  userByToken(tokenHash: string): Promise<UserRow | undefined> {
    return USER_BY_TOKEN.first(this.db, tokenHash);
  }

  /** Deletes the token if it belongs to `userId`; returns whether one was deleted. */
  async deleteToken(id: number, userId: number): Promise<boolean> {
    const res = await this.db.deleteFrom('tokens').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }
}
