// <link rel="alternate"> to a page's RSS and Atom feeds (issue 6; src/http/web/feeds.routes.ts), for
// PageMeta.head. `path` is the page's own path, already encoded ("/titles/parasite-2019").
import { strings } from './strings.js';

export function FeedLinks({ baseUrl, path, name }: { baseUrl: string; path: string; name: string }) {
  const base = baseUrl.replace(/\/+$/, '');
  return (
    <>
      <link rel="alternate" type="application/rss+xml" title={strings.feeds.link(name, 'RSS')} href={`${base}${path}/feed.rss`} />
      <link rel="alternate" type="application/atom+xml" title={strings.feeds.link(name, 'Atom')} href={`${base}${path}/feed.atom`} />
    </>
  );
}
