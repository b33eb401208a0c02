import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Db } from './index.ts';
import { compiledOnce } from './prepared.ts';
import type { Database } from './schema.ts';

// Compiles only: no database behind it.
const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
}) as Db;

describe('compiledOnce', () => {
  it('gives the text a fresh build would, with each call its own values and the constants kept', () => {
    let builds = 0;
    const build = (d: Db, p: { host: string; limit: Date; id: number }) => {
      builds++;
      return d.selectFrom('host_leases').select('holder').where('host', '=', p.host).where('expires_at', '<', p.limit).where('holder', '!=', 'nobody').where('host', '!=', String(p.id));
    };
    const stmt = compiledOnce(build);
    const at = new Date('2026-11-24T00:00:00Z');
    const a = stmt(db, { host: 'a.kz', limit: at, id: 1 });
    const b = stmt(db, { host: 'b.kz', limit: at, id: 2 });
    expect(builds).toBe(1);
    expect(a.sql).toBe(b.sql);
    // The slot of a value the builder transformed (String(p.id)) is taken once, as a constant.
    const fresh = build(db, { host: 'b.kz', limit: at, id: 2 }).compile();
    expect(b.sql).toBe(fresh.sql);
    expect(b.parameters.slice(0, 3)).toEqual(fresh.parameters.slice(0, 3));
    expect(a.parameters.slice(0, 3)).toEqual(['a.kz', at, 'nobody']);
  });
});
