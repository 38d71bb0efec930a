// Factories: people, titles and reviews made through the real API (or the CLI-level services where
// the API has no door, such as giving a role).
import { Client, type TestServer } from './server.js';

let seq = 0;
const next = () => `${Date.now().toString(36).slice(-4)}${(seq++).toString(36)}`;

export interface TestUser {
  client: Client;
  handle: string;
  id: number;
  password: string;
}

export async function newUser(server: TestServer, opts: { role?: 'member' | 'moderator' | 'admin'; handle?: string } = {}): Promise<TestUser> {
  const handle = opts.handle ?? `u_${next()}`;
  const password = 'correct horse battery';
  const client = new Client(server.url);
  const res = await client.post('/api/v1/auth/register', { handle, email: `${handle}@example.test`, password });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  let role = res.body.user.role;
  if (opts.role && opts.role !== role) {
    await server.ctx.services.accounts.setRole(handle, opts.role);
    role = opts.role;
  }
  return { client, handle, id: res.body.user.id, password };
}

export async function newTitle(server: TestServer, moderator: TestUser, fields: Record<string, unknown> = {}) {
  const res = await moderator.client.post('/api/v1/titles', { name: `Title ${next()}`, kind: 'series', year: 2024, episodes: 16, ...fields });
  if (res.status !== 201) throw new Error(`title failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.title as { id: number; slug: string; name: string; episodes: number | null };
}

export async function newReview(author: TestUser, titleSlug: string, fields: Record<string, unknown> = {}) {
  const res = await author.client.post(`/api/v1/titles/${titleSlug}/reviews`, {
    headline: 'A careful look',
    body: 'The first paragraph says what worked.\n\nThe second says what did not.',
    rating: 8,
    ...fields,
  });
  if (res.status !== 201) throw new Error(`review failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.review as { id: number; helpful: { yes: number; no: number }; helpful_score: number };
}

/** An admin to create titles with: the first account on a fresh instance is the admin. */
export async function newAdmin(server: TestServer): Promise<TestUser> {
  return newUser(server, { role: 'admin' });
}
