// Static assets (CSS and the one client script) from web/assets/ at the project root, the same
// folder whether the code runs from src/ (tsx, tests) or dist/ (both are three levels below the
// root). Read once at startup, named by content hash (/assets/site.3f2a9c1d.css) so they can be
// cached forever, and compressed once (brotli at its best level, gzip) rather than per request.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

export const ASSETS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/assets');

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface Asset {
  /** The public path, e.g. /assets/site.3f2a9c1d.css */
  url: string;
  type: string;
  etag: string;
  raw: Buffer;
  gzip: Buffer;
  br: Buffer;
}

function load(): Map<string, Asset> {
  const byName = new Map<string, Asset>();
  for (const file of fs.readdirSync(ASSETS_DIR)) {
    const ext = path.extname(file);
    const type = TYPES[ext];
    if (!type) continue;
    const raw = fs.readFileSync(path.join(ASSETS_DIR, file));
    const hash = createHash('sha256').update(raw).digest('hex').slice(0, 10);
    byName.set(file, {
      url: `/assets/${path.basename(file, ext)}.${hash}${ext}`,
      type,
      etag: `"${hash}"`,
      raw,
      gzip: zlib.gzipSync(raw, { level: 9 }),
      br: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
    });
  }
  return byName;
}

let assets: Map<string, Asset> | null = null;

/** Every asset by its file name (site.css), loaded on first use. */
export function allAssets(): Map<string, Asset> {
  assets ??= load();
  return assets;
}

/** The hashed public URL of an asset file in web/assets/. */
export function assetUrl(file: string): string {
  const a = allAssets().get(file);
  if (!a) throw new Error(`no asset named ${file} in ${ASSETS_DIR}`);
  return a.url;
}
