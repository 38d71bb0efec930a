// Ratings: 1 to 10 in steps of 0.5. Stored as whole half-points (2 … 20) so the database can CHECK
// them exactly and no float ever compares wrong.

export const RATING_MIN = 1;
export const RATING_MAX = 10;

export function isValidRating(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= RATING_MIN &&
    value <= RATING_MAX &&
    Number.isInteger(value * 2)
  );
}

/** 7.5 → 15. Caller has validated. */
export const toHalfPoints = (rating: number): number => Math.round(rating * 2);
/** 15 → 7.5 */
export const fromHalfPoints = (halfPoints: number): number => halfPoints / 2;

export const WATCH_STATUSES = ['completed', 'watching', 'dropped', 'plan_to_watch'] as const;
export type WatchStatus = (typeof WATCH_STATUSES)[number];

/** A person cannot have seen more episodes than the title has, where that number is known. */
export function episodesSeenProblem(episodesSeen: number | null | undefined, titleEpisodes: number | null): string | null {
  if (episodesSeen === null || episodesSeen === undefined) return null;
  if (!Number.isInteger(episodesSeen) || episodesSeen < 0) return 'episodes_seen must be a whole number of at least 0.';
  if (titleEpisodes !== null && episodesSeen > titleEpisodes) {
    return `episodes_seen cannot be more than the title's ${titleEpisodes} episodes.`;
  }
  return null;
}
