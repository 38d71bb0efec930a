// Turning page components into bytes on the wire: the doctype, compression by Accept-Encoding
// (brotli, then gzip), and the prepared-bytes form the page cache keeps.
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Pages under this size are sent as they are; compressing them gains nothing. */
const MIN_COMPRESS = 1024;
/** Brotli level for pages: 5 compresses HTML nearly as well as 11 at a small fraction of the time. */
const BROTLI_PAGE_QUALITY = 5;

export const HTML_TYPE = 'text/html; charset=utf-8';

/** A whole document from its root component (the Layout). */
export function renderDocument(vnode: VNode): string {
  return `<!doctype html>${renderToString(vnode)}`;
}

export type Encoding = 'br' | 'gzip' | 'identity';

/** The best encoding the client accepts: br, then gzip, else none. */
export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  let br = false;
  let gz = false;
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const refused = params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p));
    if (refused) continue;
    if (name === 'br') br = true;
    else if (name === 'gzip' || name === 'x-gzip') gz = true;
    else if (name === '*') br = gz = true;
  }
  return br ? 'br' : gz ? 'gzip' : 'identity';
}

/** A page ready to send many times: the bytes and their compressed forms, made once. */
export interface PreparedPage {
  status: number;
  raw: Buffer;
  br: Buffer | null;
  gzip: Buffer | null;
}

export async function preparePage(html: string, status = 200): Promise<PreparedPage> {
  const raw = Buffer.from(html);
  if (raw.length < MIN_COMPRESS) return { status, raw, br: null, gzip: null };
  const [b, g] = await Promise.all([
    brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_PAGE_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
    gzip(raw, { level: 6 }),
  ]);
  return { status, raw, br: b, gzip: g };
}

/** Sends prepared bytes in the encoding the client asked for. */
export function sendPrepared(req: FastifyRequest, reply: FastifyReply, page: PreparedPage, cacheControl: string): FastifyReply {
  const enc = page.br ? pickEncoding(req.headers['accept-encoding']) : 'identity';
  const body = enc === 'br' ? page.br! : enc === 'gzip' ? page.gzip! : page.raw;
  reply.code(page.status).header('content-type', HTML_TYPE).header('cache-control', cacheControl).header('vary', 'Accept-Encoding, Cookie');
  if (enc !== 'identity') reply.header('content-encoding', enc);
  return reply.send(body);
}

/** Renders, compresses (one encoding, the client's) and sends a page made for this request. */
export async function sendHtml(req: FastifyRequest, reply: FastifyReply, html: string, status = 200, cacheControl = 'private, no-store'): Promise<FastifyReply> {
  const raw = Buffer.from(html);
  const enc = raw.length < MIN_COMPRESS ? 'identity' : pickEncoding(req.headers['accept-encoding']);
  reply.code(status).header('content-type', HTML_TYPE).header('cache-control', cacheControl).header('vary', 'Accept-Encoding, Cookie');
  if (enc === 'identity') return reply.send(raw);
  const body =
    enc === 'br'
      ? await brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_PAGE_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
      : await gzip(raw, { level: 6 });
  return reply.header('content-encoding', enc).send(body);
}
