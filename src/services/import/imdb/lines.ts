// Reads a .tsv or .tsv.gz file as batches of lines without holding more than a chunk in memory.
// Lines end at "\n" only (a "\r" before it is dropped); numbering starts at 1 with the header.
import fs from 'node:fs';
import { createGunzip } from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';

export interface LineBatch {
  lines: string[];
  /** Number of lines[0] in the file, counted from 1. */
  first: number;
  /** Bytes of the file (compressed bytes for .gz) read so far. */
  bytesRead: number;
}

const CHUNK = 1 << 20;

/** The lines of `file` in batches of about a megabyte of text. */
export async function* readLineBatches(file: string): AsyncGenerator<LineBatch> {
  const raw = fs.createReadStream(file, { highWaterMark: CHUNK });
  let source: NodeJS.ReadableStream = raw;
  if (file.endsWith('.gz')) {
    const gunzip = createGunzip({ chunkSize: CHUNK });
    raw.on('error', (err) => gunzip.destroy(err));
    source = raw.pipe(gunzip);
  }
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let next = 1;
  try {
    for await (const chunk of source) {
      const text = carry + decoder.write(chunk as Buffer);
      const parts = text.split('\n');
      carry = parts.pop()!;
      if (parts.length === 0) continue;
      for (let i = 0; i < parts.length; i++) {
        const p = parts[i]!;
        if (p.length > 0 && p.charCodeAt(p.length - 1) === 13) parts[i] = p.slice(0, -1);
      }
      yield { lines: parts, first: next, bytesRead: raw.bytesRead };
      next += parts.length;
    }
    const rest = carry + decoder.end();
    // A last line without a final newline still counts.
    if (rest.length > 0) yield { lines: [rest.endsWith('\r') ? rest.slice(0, -1) : rest], first: next, bytesRead: raw.bytesRead };
  } finally {
    raw.destroy();
  }
}

/** The first line of `file` (its header), or null when the file is empty. */
export async function readFirstLine(file: string): Promise<string | null> {
  for await (const batch of readLineBatches(file)) return batch.lines[0] ?? null;
  return null;
}
