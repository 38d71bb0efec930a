// Table types: the one place that says what the database holds. Booleans are 0/1 integers and
// times are ISO 8601 UTC strings on both engines, so rows look the same whatever the dialect.
// Ratings and sub-scores are whole half-points (2 … 20), see src/domain/rating.ts.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  handle: string;
  /** Lower-cased handle: uniqueness is case-insensitive. */
  handle_key: string;
  email: string;
  email_key: string;
  display_name: string;
  password_hash: string;
  role: 'member' | 'moderator' | 'admin';
  suspended: Generated<number>;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the session token; the token itself is never stored. */
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

export interface TokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
}

export interface PeopleTable {
  id: Generated<number>;
  slug: string;
  name: string;
  original_name: string | null;
  created_at: string;
}

export interface TitlesTable {
  id: Generated<number>;
  slug: string;
  kind: 'series' | 'film';
  name: string;
  original_name: string | null;
  year: number | null;
  country: string | null;
  episodes: number | null;
  synopsis: string | null;
  created_at: string;
  updated_at: string;
  /** Aggregates of the ratings table, kept in the same transaction as every rating write. */
  rating_count: Generated<number>;
  rating_sum_x2: Generated<number>;
  hist_1: Generated<number>;
  hist_2: Generated<number>;
  hist_3: Generated<number>;
  hist_4: Generated<number>;
  hist_5: Generated<number>;
  hist_6: Generated<number>;
  hist_7: Generated<number>;
  hist_8: Generated<number>;
  hist_9: Generated<number>;
  hist_10: Generated<number>;
  review_count: Generated<number>;
}

export interface TitleAliasesTable {
  title_id: number;
  alias: string;
  /** Where the alias is used (ISO 3166 or IMDb's XWW, XEU…) and its language (ISO 639); 0003. */
  region: string | null;
  language: string | null;
}

/** An id another catalogue gives one of our rows (IMDb's tt…/nm…); 0003. */
export interface ExternalIdsTable {
  /** 'imdb', … */
  source: string;
  entity: 'title' | 'person';
  external_id: string;
  /** titles.id or people.id, by entity. */
  entity_id: number;
}

export interface CreditsTable {
  id: Generated<number>;
  title_id: number;
  person_id: number;
  role: 'director' | 'writer' | 'cast';
  character: string | null;
  position: number;
}

export interface RatingsTable {
  user_id: number;
  title_id: number;
  rating_x2: number;
  watch_status: string | null;
  episodes_seen: number | null;
  created_at: string;
  updated_at: string;
}

export interface ReviewsTable {
  id: Generated<number>;
  title_id: number;
  author_id: number;
  headline: string;
  body: string;
  rating_x2: number;
  story_x2: number | null;
  acting_x2: number | null;
  music_x2: number | null;
  rewatch_x2: number | null;
  watch_status: string | null;
  episodes_seen: number | null;
  contains_spoilers: number;
  status: 'published' | 'pending' | 'hidden' | 'removed';
  helpful_yes: Generated<number>;
  helpful_no: Generated<number>;
  /** yes + no, kept so the helpful order is one index. */
  helpful_total: Generated<number>;
  helpful_score: Generated<number>;
  /** JSON of the Quality warnings found when the text was last saved. */
  quality_json: string;
  /** JSON of the mention links found in body when it was last saved or relinked (migration 0006). */
  mentions_json: Generated<string>;
  /** Why the review has its status, for its author and moderators (0005); null when published normally. */
  status_reason: string | null;
  /** What set the status: the quality policy, readers' reports or a moderator (0005). */
  status_cause: 'quality' | 'reports' | 'moderator' | null;
  /** Reports with ids up to this one were dealt with by a moderator; later ones are open (0005). */
  reports_closed_through: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ReviewRevisionsTable {
  id: Generated<number>;
  review_id: number;
  headline: string;
  body: string;
  rating_x2: number;
  contains_spoilers: number;
  /** When this text stopped being the current one. */
  replaced_at: string;
}

export interface VotesTable {
  review_id: number;
  user_id: number;
  helpful: number;
  created_at: string;
  updated_at: string;
}

export interface ReportsTable {
  id: Generated<number>;
  review_id: number;
  reporter_id: number;
  reason: 'spam' | 'spoilers_unmarked' | 'abuse' | 'plagiarism' | 'other';
  note: string | null;
  created_at: string;
}

/** One row (id = 1): bumped by every catalog write; mention matchers rebuild when it moves (0006). */
export interface CatalogVersionTable {
  id: number;
  version: number;
}

/** The days a person watched a title (a Letterboxd diary's "Watched Date"; migration 0004). */
export interface WatchDatesTable {
  user_id: number;
  title_id: number;
  /** YYYY-MM-DD. */
  watched_on: string;
  created_at: string;
}

/** The public moderation log, append-only (0005). moderator_id null: the system. */
export interface ModerationLogTable {
  id: Generated<number>;
  created_at: string;
  moderator_id: number | null;
  action: 'publish' | 'hide' | 'remove' | 'restore' | 'hold' | 'suspend' | 'reinstate';
  review_id: number | null;
  user_id: number | null;
  /** A snapshot of what the action was on ("review 12 of “Title” by @handle", "@handle"). */
  target: string;
  from_status: string | null;
  to_status: string | null;
  reason: string;
}

/** Stored LSH index of near-duplicate detection (0005): bucket = band × 2³² + band key. */
export interface LshBandsTable {
  bucket: number;
  review_id: number;
}

/** One row (id = 1): progress of `marquee quality scan` (0005). */
export interface QualityScanTable {
  id: number;
  after_id: number;
  scanned: number;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
  /** review_revisions and moderation_log ids when the scan started (0007). */
  revisions_after: Generated<number>;
  log_after: Generated<number>;
}

/** Band keys of each review an unfinished quality scan has checked (0007): what a resumed scan reloads. */
export interface QualityScanKeysTable {
  review_id: number;
  /** Base64 of the 32 band keys as a little-endian Uint32Array. */
  band_keys: string;
}

/** Folded search keys of a title's name, original name and aliases (src/domain/names.ts; 0002). */
export interface SearchTitleNamesTable {
  id: Generated<number>;
  title_id: number;
  /** Folded words run together: "hwangdaseul". */
  compact: string;
  /** Folded words separated by single spaces: "hwang da seul". */
  spaced: string;
  /** Tokens short query words must begin: the words, and inner suffixes in CJK scripts (src/domain/search.ts). */
  starts: string;
}

/** Folded search keys of a person's name and original name (0002). */
export interface SearchPersonNamesTable {
  id: Generated<number>;
  person_id: number;
  compact: string;
  spaced: string;
  starts: string;
}

/** One row (id = 1): instance-wide rating aggregate for the Bayesian prior C. */
export interface InstanceStatsTable {
  id: number;
  rating_count: number;
  rating_sum_x2: number;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  tokens: TokensTable;
  people: PeopleTable;
  titles: TitlesTable;
  title_aliases: TitleAliasesTable;
  external_ids: ExternalIdsTable;
  credits: CreditsTable;
  ratings: RatingsTable;
  reviews: ReviewsTable;
  review_revisions: ReviewRevisionsTable;
  votes: VotesTable;
  reports: ReportsTable;
  instance_stats: InstanceStatsTable;
  search_title_names: SearchTitleNamesTable;
  search_person_names: SearchPersonNamesTable;
  watch_dates: WatchDatesTable;
  catalog_version: CatalogVersionTable;
  moderation_log: ModerationLogTable;
  lsh_bands: LshBandsTable;
  quality_scan: QualityScanTable;
  quality_scan_keys: QualityScanKeysTable;
}

export type UserRow = Selectable<UsersTable>;
export type TitleRow = Selectable<TitlesTable>;
export type PersonRow = Selectable<PeopleTable>;
export type ReviewRow = Selectable<ReviewsTable>;
export type RatingRow = Selectable<RatingsTable>;
export type NewReview = Insertable<ReviewsTable>;
export type ReviewUpdate = Updateable<ReviewsTable>;
