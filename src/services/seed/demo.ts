// `marquee seed demo`: a small real catalog (true facts) with demo reviews and votes whose text the
// project wrote itself (src/services/seed/demo-catalog.ts). Safe to run twice: it stops when the
// catalog already has the demo titles.
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { ReviewsService } from '../reviews.service.js';
import { VotesService } from '../votes.service.js';
import { actorOf } from '../accounts.service.js';
import { slugify } from '../../domain/slug.js';
import type { Actor } from '../../domain/permissions.js';
import type { Clock } from '../clock.js';
import { DEMO_PEOPLE, DEMO_REVIEWS, DEMO_TITLES, DEMO_USERS, DEMO_VOTES } from './demo-catalog.js';

/** The seed acts as the instance itself; it is no account. */
const SYSTEM: Actor = { id: 0, role: 'admin' };

export interface SeedSummary {
  titles: number;
  people: number;
  users: number;
  reviews: number;
  votes: number;
  skipped?: string;
}

export async function seedDemo(ctx: AppContext): Promise<SeedSummary> {
  const { catalog, accounts } = ctx.services;
  const first = DEMO_TITLES[0]!;
  if (await catalog.titleRow(slugify(first.name, first.year)).catch(() => null)) {
    return { titles: 0, people: 0, users: 0, reviews: 0, votes: 0, skipped: 'the demo catalog is already there' };
  }

  for (const p of DEMO_PEOPLE) await catalog.ensurePerson(p.name, p.original_name ?? null);
  const slugs = new Map<string, string>();
  for (const t of DEMO_TITLES) {
    const created = await catalog.createTitle(SYSTEM, {
      name: t.name,
      original_name: t.original_name ?? null,
      aliases: t.aliases,
      kind: t.kind,
      year: t.year,
      country: t.country,
      episodes: t.episodes ?? null,
      synopsis: t.synopsis,
      credits: t.credits.map((c) => ({ person: c.person, role: c.role, character: c.character ?? null })),
    });
    slugs.set(titleKey(t.name, t.year, t.kind), created.slug);
    slugs.set(t.name, slugs.get(t.name) ?? created.slug);
  }

  // Demo accounts cannot sign in: their password is random and never shown.
  const actors = new Map<string, Actor>();
  for (const u of DEMO_USERS) {
    const existing = await accounts.byHandle(u.handle).catch(() => null);
    const row =
      existing ??
      (await accounts.register({ handle: u.handle, email: `${u.handle.toLowerCase()}@demo.invalid`, password: randomBytes(24).toString('base64url'), displayName: u.display_name, role: 'member' }));
    actors.set(u.handle, actorOf(row));
  }

  // Reviews are dated in the past as the data says; a settable clock stands in for the real one.
  let at = new Date();
  const clock: Clock = { now: () => at };
  const reviews = new ReviewsService(ctx.db, ctx.writes, clock, ctx.services.changes, ctx.services.mentions, ctx.services.quality);
  const votes = new VotesService(ctx.namedWrites, clock, ctx.services.changes);
  const reviewIds = new Map<string, number>();
  const now = Date.now();
  for (const r of DEMO_REVIEWS) {
    at = new Date(now - r.days_ago * 86_400_000);
    const { review } = await reviews.create(actors.get(r.author)!, slugs.get(r.title)!, {
      headline: r.headline,
      body: r.body,
      rating: r.rating,
      scores: r.scores,
      watch_status: r.watch_status,
      episodes_seen: r.episodes_seen ?? null,
      contains_spoilers: r.contains_spoilers,
    });
    // A review the instance's policy holds takes no votes (the rule for every review).
    if (review.status === 'published') reviewIds.set(`${r.title}|${r.author}`, review.id);
  }
  at = new Date(now);
  let voted = 0;
  for (const v of DEMO_VOTES) {
    const id = reviewIds.get(`${v.review.title}|${v.review.author}`);
    if (id === undefined) continue;
    await votes.vote(actors.get(v.voter)!, id, v.helpful);
    voted++;
  }
  return { titles: DEMO_TITLES.length, people: DEMO_PEOPLE.length, users: DEMO_USERS.length, reviews: DEMO_REVIEWS.length, votes: voted };
}

const titleKey = (name: string, year: number, kind: string) => `${name}|${year}|${kind}`;
