// The web pages' benchmark (issue: web pages):
//  1. The title page of the most-reviewed title as HTML, anonymous, 50 connections, against a bare
//     node:http server sending the very same bytes (and content type / encoding) in the same run —
//     once without Accept-Encoding (identity bytes) and once with `Accept-Encoding: gzip`, which is
//     what every browser sends and so the headline figure. Targets: ≥ 40 % of the bare server's
//     req/s, p99 < 30 ms.
//  2. The bytes of a first visit to that page: the HTML fetched with `Accept-Encoding: br, gzip`,
//     then every stylesheet, script, image and icon it references (and what the stylesheets
//     reference), summing the compressed bytes sent. Target: under 60 KB (60,000 bytes), and no web
//     font referenced anywhere.
import http from 'node:http';
import { load, mostReviewedSlug, portBase, startBare, startMarquee, type LoadResult } from './lib.js';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body exactly as sent (still compressed). */
  body: Buffer;
  /** Status line and header bytes as sent. */
  headerBytes: number;
}

/** A GET that keeps the bytes as they came over the wire (fetch would decompress them). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        // rawHeaders is [name, value, …]; "HTTP/1.1 200 OK\r\n", "name: value\r\n" each, "\r\n".
        let headerBytes = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length + 2;
        for (let i = 0; i < res.rawHeaders.length; i += 2) headerBytes += Buffer.byteLength(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), headerBytes });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

export interface ThroughputResult {
  accept_encoding: string | null;
  content_encoding: string | null;
  page_bytes: number;
  bare: LoadResult;
  marquee: LoadResult;
  ratio: number;
  meets_ratio: boolean;
  meets_p99: boolean;
}

export interface FirstVisitResource {
  url: string;
  kind: string;
  status: number;
  content_encoding: string | null;
  bytes: number;
  header_bytes: number;
  content_type: string | null;
}

export interface FirstVisitResult {
  path: string;
  resources: FirstVisitResource[];
  body_bytes: number;
  with_header_bytes: number;
  fonts: string[];
  meets_bytes: boolean;
  meets_no_fonts: boolean;
}

export interface WebResult {
  path: string;
  /** The figure the target is checked against: with Accept-Encoding: gzip. */
  headline: ThroughputResult;
  identity: ThroughputResult;
  first_visit: FirstVisitResult;
}

async function throughput(serverUrl: string, path: string, acceptEncoding: string | null, barePort: number, duration: number): Promise<ThroughputResult> {
  const headers: Record<string, string> = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
  const page = await rawGet(serverUrl + path, headers);
  if (page.status !== 200) throw new Error(`GET ${path} answered ${page.status}`);
  const same: Record<string, string> = { 'content-type': String(page.headers['content-type']) };
  if (page.headers['content-encoding']) same['content-encoding'] = String(page.headers['content-encoding']);
  if (page.headers.vary) same.vary = String(page.headers.vary);
  const bare = await startBare(page.body, same, barePort);
  try {
    // Warm both (JIT, caches), then measure each alone, same duration, same client, same headers.
    await load({ url: bare.url + path, headers, duration: 2 });
    await load({ url: serverUrl + path, headers, duration: 2 });
    const bareResult = await load({ url: bare.url + path, headers, duration });
    const marquee = await load({ url: serverUrl + path, headers, duration });
    if (marquee.non2xx || marquee.errors) throw new Error(`Marquee answered ${marquee.non2xx} non-2xx and ${marquee.errors} errors under load`);
    const ratio = Math.round((marquee.rps / bareResult.rps) * 1000) / 1000;
    return {
      accept_encoding: acceptEncoding,
      content_encoding: page.headers['content-encoding'] ? String(page.headers['content-encoding']) : null,
      page_bytes: page.body.length,
      bare: bareResult,
      marquee,
      ratio,
      meets_ratio: ratio >= 0.4,
      meets_p99: marquee.p99 < 30,
    };
  } finally {
    await bare.stop();
  }
}

const FONT_FILE = /\.(woff2?|ttf|otf|eot)(\?|#|$)/i;

/** Addresses an HTML document makes a browser fetch on load (stylesheets, scripts, images, icons). */
export function htmlReferences(html: string): { url: string; kind: string }[] {
  const found: { url: string; kind: string }[] = [];
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(2).find((v) => v !== undefined);
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel.includes('stylesheet')) found.push({ url: href, kind: 'stylesheet' });
    else if (rel.includes('preload') || rel.includes('modulepreload')) found.push({ url: href, kind: `preload:${attr(tag, 'as') ?? ''}` });
    else if (rel.some((r) => r === 'icon' || r === 'apple-touch-icon' || r === 'manifest')) found.push({ url: href, kind: rel.join(' ') });
  }
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(m[0], 'src');
    if (src) found.push({ url: src, kind: 'script' });
  }
  for (const m of html.matchAll(/<(img|source|video|audio|input)\b[^>]*>/gi)) {
    const src = attr(m[0], 'src');
    if (src && !(m[1]!.toLowerCase() === 'input' && !/type\s*=\s*["']?image/i.test(m[0]))) found.push({ url: src, kind: m[1]!.toLowerCase() });
    const srcset = attr(m[0], 'srcset');
    if (srcset) for (const part of srcset.split(',')) found.push({ url: part.trim().split(/\s+/)[0]!, kind: 'srcset' });
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) found.push(...cssReferences(m[1]!));
  for (const m of html.matchAll(/\bstyle\s*=\s*"([^"]*)"/gi)) found.push(...cssReferences(m[1]!));
  return found.filter((r) => !r.url.startsWith('data:'));
}

/** Addresses a stylesheet makes a browser fetch: url(…) and @import; @font-face marks a font. */
export function cssReferences(css: string): { url: string; kind: string }[] {
  const found: { url: string; kind: string }[] = [];
  for (const m of css.matchAll(/@font-face\s*\{([^}]*)\}/gi)) {
    const src = /url\(\s*['"]?([^'")]+)/i.exec(m[1]!)?.[1];
    found.push({ url: src ?? '(inline @font-face)', kind: 'font' });
  }
  for (const m of css.matchAll(/@import\s+(?:url\()?\s*['"]?([^'")\s;]+)/gi)) found.push({ url: m[1]!, kind: 'stylesheet' });
  for (const m of css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/gi)) {
    if (!found.some((f) => f.url === m[1])) found.push({ url: m[1]!, kind: FONT_FILE.test(m[1]!) ? 'font' : 'css-url' });
  }
  return found.filter((r) => !r.url.startsWith('data:') || r.kind === 'font');
}

async function firstVisit(serverUrl: string, path: string): Promise<FirstVisitResult> {
  const headers = { 'accept-encoding': 'br, gzip' };
  const { gunzipSync, brotliDecompressSync } = await import('node:zlib');
  const decode = (r: Raw) => {
    const enc = r.headers['content-encoding'];
    const text = enc === 'br' ? brotliDecompressSync(r.body) : enc === 'gzip' ? gunzipSync(r.body) : r.body;
    return text.toString('utf8');
  };
  const resources: FirstVisitResource[] = [];
  const fonts: string[] = [];
  const seen = new Set<string>();
  const queue: { url: string; kind: string }[] = [{ url: serverUrl + path, kind: 'document' }];
  while (queue.length) {
    const { url, kind } = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    if (kind === 'font' || FONT_FILE.test(url) || kind === 'preload:font') fonts.push(url);
    // Only this site's own resources are fetched (a page of this site refers to no other).
    if (!url.startsWith(serverUrl)) {
      resources.push({ url, kind, status: 0, content_encoding: null, bytes: 0, header_bytes: 0, content_type: 'another host: not fetched (fails the byte target)' });
      continue;
    }
    const res = await rawGet(url, headers);
    const type = String(res.headers['content-type'] ?? '');
    resources.push({
      url: url.slice(serverUrl.length),
      kind,
      status: res.status,
      content_encoding: res.headers['content-encoding'] ? String(res.headers['content-encoding']) : null,
      bytes: res.body.length,
      header_bytes: res.headerBytes,
      content_type: type,
    });
    if (res.status !== 200) continue;
    const refs = type.includes('text/html') ? htmlReferences(decode(res)) : type.includes('text/css') ? cssReferences(decode(res)) : [];
    for (const r of refs) queue.push({ url: new URL(r.url, url).toString(), kind: r.kind });
  }
  const body = resources.reduce((n, r) => n + r.bytes, 0);
  const withHeaders = resources.reduce((n, r) => n + r.bytes + r.header_bytes, 0);
  const allFetched = resources.every((r) => r.status === 200);
  return {
    path,
    resources,
    body_bytes: body,
    with_header_bytes: withHeaders,
    fonts,
    meets_bytes: allFetched && body < 60_000,
    meets_no_fonts: fonts.length === 0,
  };
}

export async function webBenchmark(databaseUrl: string, duration: number): Promise<WebResult> {
  const slug = await mostReviewedSlug(databaseUrl);
  const path = `/titles/${encodeURIComponent(slug)}`;
  const server = await startMarquee(databaseUrl, portBase + 5);
  try {
    const first_visit = await firstVisit(server.url, path);
    const headline = await throughput(server.url, path, 'gzip', portBase + 6, duration);
    const identity = await throughput(server.url, path, null, portBase + 7, duration);
    return { path, headline, identity, first_visit };
  } finally {
    await server.stop();
  }
}
