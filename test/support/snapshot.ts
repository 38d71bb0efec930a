// Every row of every table of a database (the live schema's list, as `marquee export` sees it), for
// tests that must show an operation changed nothing, or that a copy lost nothing.
import { InstanceDumpStore } from '../../src/store/instance-dump.store.js';
import type { Db } from '../../src/store/db.js';

export type Snapshot = Record<string, unknown[][]>;

export async function snapshot(db: Db, skip: string[] = []): Promise<Snapshot> {
  const store = new InstanceDumpStore(db.kysely);
  const out: Snapshot = {};
  for (const table of await store.tables()) {
    if (skip.includes(table.name)) continue;
    const columns = table.columns.filter((c) => !c.generated).map((c) => c.name).sort();
    const rows: unknown[][] = [];
    for await (const page of store.rows(table, columns)) rows.push(...page.map((r) => r.map((v) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v))));
    out[table.name] = rows;
  }
  return out;
}
