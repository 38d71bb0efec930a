// The hot read: the first page of a title's most helpful reviews, as bytes, against a bare
// node:http server that sends the very same bytes (the ceiling for any Node server on this machine).
import { load, mostReviewedSlug, portBase, startBare, startMarquee, type LoadResult } from './lib.js';

export interface ReadResult {
  path: string;
  page_bytes: number;
  bare: LoadResult;
  marquee: LoadResult;
  ratio: number;
  uncached_page2: LoadResult;
}

export async function readBenchmark(databaseUrl: string, duration: number): Promise<ReadResult> {
  const slug = await mostReviewedSlug(databaseUrl);
  const path = `/api/v1/titles/${encodeURIComponent(slug)}/reviews?sort=helpful`;
  const server = await startMarquee(databaseUrl, portBase + 1);
  const bare = await (async () => {
    const res = await fetch(server.url + path);
    if (!res.ok) throw new Error(`read failed: ${res.status}`);
    const body = Buffer.from(await res.arrayBuffer());
    return { body, proc: await startBare(body, { 'content-type': res.headers.get('content-type')! }, portBase + 2), next: (JSON.parse(body.toString()) as { next_cursor: string }).next_cursor };
  })();
  try {
    // Warm both (JIT, caches), then measure each alone, same duration, same client.
    await load({ url: bare.proc.url + path, duration: 2 });
    await load({ url: server.url + path, duration: 2 });
    const bareResult = await load({ url: bare.proc.url + path, duration });
    const marquee = await load({ url: server.url + path, duration });
    // For scale: a page that is never cached (second page, by cursor): a query and serialisation.
    const uncached = await load({ url: `${server.url}${path}&cursor=${encodeURIComponent(bare.next)}`, duration: Math.max(3, Math.round(duration / 2)) });
    return { path, page_bytes: bare.body.length, bare: bareResult, marquee, ratio: Math.round((marquee.rps / bareResult.rps) * 1000) / 1000, uncached_page2: uncached };
  } finally {
    await bare.proc.stop();
    await server.stop();
  }
}
