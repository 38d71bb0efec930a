// RSS 2.0 and Atom (RFC 4287) feeds of reviews, as plain functions: the service gathers the reviews,
// these build the documents. Spoiler reviews are marked in the entry title ("[Spoilers] …") and with
// a "spoilers" category, and their body is never put in the feed: the summary says to read the review
// on the site instead. The words (feed titles, the spoiler prefix and note) come from the caller as a
// FeedText — the web strings module (src/http/web/strings.ts `feeds`) — so this file holds no text.
//
// Text is escaped for XML (& < > " ') and characters XML 1.0 cannot carry (control characters, lone
// surrogates, U+FFFE/U+FFFF) are dropped, so any review text makes a well-formed document. Dates are
// RFC 822 in RSS (RFC 1123's four-digit-year form, in GMT) and RFC 3339 in Atom. Every URL is
// absolute, made from the instance's base URL; an entry's guid/id is its review's permalink, which
// never changes.

export type FeedFormat = 'rss' | 'atom';

/** What a feed entry needs of a review (the API's Review object has all of it). */
export interface FeedReview {
  id: number;
  headline: string;
  body: string;
  rating: number;
  contains_spoilers: boolean;
  created_at: string;
  updated_at: string;
  author: { handle: string; display_name: string };
  title: { slug: string; name: string; year: number | null };
}

export interface FeedEntry {
  /** Stable id: the review's permalink. */
  id: string;
  url: string;
  title: string;
  author: { name: string; url: string };
  published: string;
  updated: string;
  summary: string;
  spoilers: boolean;
  /** A spoiler entry's category label (Atom), from FeedText. */
  spoilerLabel?: string;
}

export interface Feed {
  title: string;
  description: string;
  /** The HTML page the feed belongs to. */
  pageUrl: string;
  /** The feed's own address, per format. */
  selfUrl: Record<FeedFormat, string>;
  /** ISO time of the newest change; the fallback when there are no entries. */
  updated: string;
  entries: FeedEntry[];
}

/** Most characters of a review's body in a summary (cut at a word boundary, with "…"). */
export const SUMMARY_CHARS = 500;

/** A feed's words (one language): src/http/web/strings.ts `feeds` is the one in use. */
export interface FeedText {
  titleFeed(label: string): string;
  titleFeedDescription(label: string): string;
  personFeed(name: string): string;
  personFeedDescription(name: string): string;
  userFeed(name: string): string;
  userFeedDescription(name: string): string;
  /** Put before a spoiler review's entry title ("[Spoilers] "). */
  spoilerPrefix: string;
  /** A spoiler review's summary, in place of its text. */
  spoilerSummary: string;
  /** The Atom category label of a spoiler entry. */
  spoilerCategory: string;
}

/** Drops characters XML 1.0 does not allow, then escapes markup characters. */
export function xmlText(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** RFC 822 date-time (with a four-digit year, as RFC 1123 and every reader expect), in GMT: what toUTCString gives. */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

/** RFC 3339 date-time in UTC (seconds precision). */
export function rfc3339(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The body as one line of plain text, at most SUMMARY_CHARS long, cut between words. */
export function summaryOf(body: string, max = SUMMARY_CHARS): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let cut = flat.lastIndexOf(' ', max);
  if (cut < max * 0.6) cut = max; // one long word (or a language without spaces): cut inside it
  const code = flat.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--; // never split a surrogate pair
  return `${flat.slice(0, cut).trimEnd()}…`;
}

const ratingText = (r: number) => `${Number.isInteger(r) ? r : r.toFixed(1)}/10`;
const titleLabel = (t: FeedReview['title']) => (t.year ? `${t.name} (${t.year})` : t.name);

/**
 * A review as a feed entry. `showTitle`: name the reviewed title in the entry's title (feeds that mix
 * titles: a person's, a user's).
 */
export function reviewEntry(r: FeedReview, baseUrl: string, showTitle: boolean, text: FeedText): FeedEntry {
  const base = baseUrl.replace(/\/+$/, '');
  const url = `${base}/reviews/${r.id}`;
  const label = `${showTitle ? `${titleLabel(r.title)}: ` : ''}${r.headline} — ${ratingText(r.rating)}`;
  return {
    id: url,
    url,
    title: r.contains_spoilers ? text.spoilerPrefix + label : label,
    author: { name: r.author.display_name || r.author.handle, url: `${base}/users/${encodeURIComponent(r.author.handle)}` },
    published: r.created_at,
    updated: r.updated_at,
    summary: r.contains_spoilers ? text.spoilerSummary : summaryOf(r.body),
    spoilers: r.contains_spoilers,
    ...(r.contains_spoilers ? { spoilerLabel: text.spoilerCategory } : {}),
  };
}

/** The newest `updated` of the entries, or `fallback`. */
export function newest(entries: readonly { updated: string }[], fallback: string): string {
  let best = fallback;
  for (const e of entries) if (e.updated > best) best = e.updated;
  return best;
}

export function renderFeed(feed: Feed, format: FeedFormat): string {
  return format === 'rss' ? renderRss(feed) : renderAtom(feed);
}

export function renderRss(feed: Feed): string {
  const x = xmlText;
  const items = feed.entries.map(
    (e) => `    <item>
      <title>${x(e.title)}</title>
      <link>${x(e.url)}</link>
      <guid isPermaLink="true">${x(e.id)}</guid>
      <pubDate>${rfc822(e.published)}</pubDate>
      <dc:creator>${x(e.author.name)}</dc:creator>
${e.spoilers ? '      <category>spoilers</category>\n' : ''}      <description>${x(e.summary)}</description>
    </item>
`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${x(feed.title)}</title>
    <link>${x(feed.pageUrl)}</link>
    <description>${x(feed.description)}</description>
    <atom:link href="${x(feed.selfUrl.rss)}" rel="self" type="application/rss+xml"/>
    <lastBuildDate>${rfc822(feed.updated)}</lastBuildDate>
    <generator>Marquee</generator>
${items.join('')}  </channel>
</rss>
`;
}

export function renderAtom(feed: Feed): string {
  const x = xmlText;
  const entries = feed.entries.map(
    (e) => `  <entry>
    <id>${x(e.id)}</id>
    <title type="text">${x(e.title)}</title>
    <link rel="alternate" type="text/html" href="${x(e.url)}"/>
    <published>${rfc3339(e.published)}</published>
    <updated>${rfc3339(e.updated)}</updated>
    <author><name>${x(e.author.name)}</name><uri>${x(e.author.url)}</uri></author>
${e.spoilers ? `    <category term="spoilers"${e.spoilerLabel ? ` label="${x(e.spoilerLabel)}"` : ''}/>\n` : ''}    <summary type="text">${x(e.summary)}</summary>
  </entry>
`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${x(feed.selfUrl.atom)}</id>
  <title type="text">${x(feed.title)}</title>
  <subtitle type="text">${x(feed.description)}</subtitle>
  <updated>${rfc3339(feed.updated)}</updated>
  <link rel="self" type="application/atom+xml" href="${x(feed.selfUrl.atom)}"/>
  <link rel="alternate" type="text/html" href="${x(feed.pageUrl)}"/>
  <author><name>Marquee</name></author>
  <generator>Marquee</generator>
${entries.join('')}</feed>
`;
}

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};
