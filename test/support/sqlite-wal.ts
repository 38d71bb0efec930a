// What a SQLite file's log index (the -shm file) says: frames in the log, and how many of them a
// checkpoint has copied into the database file. Reading it takes no lock and changes nothing.
import fs from 'node:fs';

export function walIndex(file: string): { mxFrame: number; nBackfill: number } {
  const shm = fs.readFileSync(`${file}-shm`);
  // WalIndexHdr (48 bytes, twice), then WalCkptInfo; native byte order.
  return { mxFrame: shm.readUInt32LE(16), nBackfill: shm.readUInt32LE(96) };
}
