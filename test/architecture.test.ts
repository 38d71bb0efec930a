// The folder layout is the architecture (README "Architecture"); these rules keep it true.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

const imports = files(SRC).flatMap((file) => {
  const text = fs.readFileSync(file, 'utf8');
  const rel = path.relative(SRC, file);
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((m) => {
    const spec = m[1]!;
    const target = spec.startsWith('.') ? path.relative(SRC, path.resolve(path.dirname(file), spec)) : spec;
    return { file: rel, spec, target, relative: spec.startsWith('.') };
  });
});

const violations = (rule: (i: (typeof imports)[number]) => boolean) => imports.filter(rule).map((i) => `${i.file} → ${i.spec}`);

describe('import directions', () => {
  it('finds the imports it checks', () => {
    expect(imports.length).toBeGreaterThan(100);
  });
  it('domain/ imports nothing outside itself', () => {
    expect(violations((i) => i.file.startsWith('domain/') && (!i.relative || !i.target.startsWith('domain/')))).toEqual([]);
  });
  it('only http/ imports Fastify', () => {
    expect(violations((i) => /^(fastify|@fastify\/)/.test(i.spec) && !i.file.startsWith('http/'))).toEqual([]);
  });
  it('only store/ imports Kysely', () => {
    expect(violations((i) => i.spec === 'kysely' && !i.file.startsWith('store/'))).toEqual([]);
  });
  it('only store/dialect/ names a database engine', () => {
    expect(violations((i) => /^(better-sqlite3|pg)$/.test(i.spec) && !i.file.startsWith('store/dialect/'))).toEqual([]);
  });
  it('only http/, cli/ and the context import services/', () => {
    expect(violations((i) => i.relative && i.target.startsWith('services/') && !/^(http|cli|services)\//.test(i.file) && i.file !== 'context.ts')).toEqual([]);
  });
  it('store/ never imports services/ or http/', () => {
    expect(violations((i) => i.file.startsWith('store/') && i.relative && /^(services|http|cli)\//.test(i.target))).toEqual([]);
  });
  it('http/ reaches the store only through services', () => {
    expect(violations((i) => i.file.startsWith('http/') && i.relative && i.target.startsWith('store/') && !i.spec.endsWith('schema.js'))).toEqual([]);
  });
  it('reads the environment only in config.ts (commands pass it in)', () => {
    const readers = files(SRC)
      .filter((f) => fs.readFileSync(f, 'utf8').includes('process.env'))
      .map((f) => path.relative(SRC, f))
      .filter((f) => f !== 'config.ts' && !f.startsWith('cli/'));
    expect(readers).toEqual([]);
  });
});
