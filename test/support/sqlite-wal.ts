// What a SQLite file's log index (the -shm file) says: frames in the log, and how many of them a
// checkpoint has copied into the database file. Reading it takes no lock and changes nothing.
import fs from 'node:fs';
import { walIndexOf, type WalIndex } from '../../src/store/dialect/sqlite-checkpointer.js';

export function walIndex(file: string): WalIndex {
  return walIndexOf(fs.readFileSync(`${file}-shm`));
}
