// Turns stored rows into the contract's JSON objects (../shared/CONTRACT.md). The only place that
// knows both shapes.
import type { PersonRow, TitleRow, UserRow } from '../store/schema.js';
import type { CreditRow, PersonCreditRow } from '../store/catalog.store.js';
import type { ReviewRecord } from '../store/reviews.store.js';
import { scoreOf, type Histogram, type Score } from '../domain/ranking.js';
import { fromHalfPoints } from '../domain/rating.js';
import type { Warning } from '../domain/quality/index.js';
import type { MentionJson } from './mentions.service.js';

export interface UserJson {
  id: number;
  handle: string;
  display_name: string;
  role: UserRow['role'];
  created_at: string;
}

export const userJson = (u: UserRow): UserJson => ({
  id: u.id,
  handle: u.handle,
  display_name: u.display_name,
  role: u.role,
  created_at: u.created_at,
});

export function titleScore(t: TitleRow, instanceMean: number | null, priorWeight: number): Score {
  const histogram = {} as Histogram;
  for (let b = 1; b <= 10; b++) histogram[String(b) as keyof Histogram] = Number(t[`hist_${b}` as keyof TitleRow]);
  return scoreOf({ count: Number(t.rating_count), sum: Number(t.rating_sum_x2) / 2, histogram }, instanceMean, priorWeight);
}

export const titleJson = (t: TitleRow, aliases: string[], credits: CreditRow[], score: Score) => ({
  id: t.id,
  slug: t.slug,
  kind: t.kind,
  name: t.name,
  original_name: t.original_name,
  aliases,
  year: t.year,
  country: t.country,
  episodes: t.episodes,
  synopsis: t.synopsis,
  credits: credits.map((c) => ({
    person: { id: c.person_id, slug: c.person_slug, name: c.person_name },
    role: c.role,
    character: c.character,
  })),
  score,
  review_count: Number(t.review_count),
});
export type TitleJson = ReturnType<typeof titleJson>;

export const personJson = (p: PersonRow, credits: PersonCreditRow[]) => ({
  id: p.id,
  slug: p.slug,
  name: p.name,
  original_name: p.original_name,
  credits: credits.map((c) => ({
    title: { slug: c.title_slug, name: c.title_name, year: c.title_year },
    role: c.role,
    character: c.character,
  })),
});
export type PersonJson = ReturnType<typeof personJson>;

const half = (x2: number | null) => (x2 === null ? null : fromHalfPoints(x2));

/** The title a review is of, as the contract names it. */
export const titleRefJson = (r: { title_slug: string; title_name: string; title_year: number | null }) => ({ slug: r.title_slug, name: r.title_name, year: r.title_year });

/** What a review says and how it was received: shared by the contract's Review and a person's export. */
export function reviewContentJson(r: Pick<ReviewRecord, 'headline' | 'body' | 'rating_x2' | 'story_x2' | 'acting_x2' | 'music_x2' | 'rewatch_x2' | 'watch_status' | 'episodes_seen' | 'contains_spoilers' | 'status' | 'helpful_yes' | 'helpful_no'>) {
  return {
    headline: r.headline,
    body: r.body,
    rating: fromHalfPoints(r.rating_x2),
    scores: { story: half(r.story_x2), acting: half(r.acting_x2), music: half(r.music_x2), rewatch: half(r.rewatch_x2) },
    watch_status: r.watch_status,
    episodes_seen: r.episodes_seen,
    contains_spoilers: r.contains_spoilers === 1,
    status: r.status,
    helpful: { yes: r.helpful_yes, no: r.helpful_no },
  };
}

/** `myVote` undefined → the field is left out (anonymous caller). */
export function reviewJson(r: ReviewRecord, myVote?: boolean | null) {
  const json = {
    id: r.id,
    title: titleRefJson(r),
    author: { handle: r.author_handle, display_name: r.author_display_name },
    ...reviewContentJson(r),
    helpful_score: r.helpful_score,
    created_at: r.created_at,
    updated_at: r.updated_at,
    mentions: storedMentions(r),
  };
  return myVote === undefined ? json : { ...json, my_vote: myVote };
}
export type ReviewJson = ReturnType<typeof reviewJson> & { my_vote?: boolean | null };

/** Mention links stored with the review (src/services/mentions.service.ts); [] when none or unread. */
export function storedMentions(r: { mentions_json?: string | null }): MentionJson[] {
  if (!r.mentions_json) return [];
  try {
    return JSON.parse(r.mentions_json) as MentionJson[];
  } catch {
    return [];
  }
}

export const storedWarnings = (r: { quality_json: string }): Warning[] => JSON.parse(r.quality_json) as Warning[];
