// Real servers for integration tests: PostgreSQL and Redis on this machine (CI's too).
// Each test file gets its own fresh database and queue prefix, so files never see each other's data.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../../shared/config/index.ts';

export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

/** Creates an empty database on the local PostgreSQL server; returns its URL and a dropper. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = uniqueName('bitim_test');
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export type Mode = 'embedded' | 'postgres' | 'postgres+redis';

/** A config for one of the three run modes, with a private data dir / database / queue prefix. */
export async function testConfig(mode: Mode, extra: Record<string, string> = {}): Promise<{ config: Config; env: Record<string, string>; cleanup: () => Promise<void> }> {
  const env: Record<string, string> = {
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    QUEUE_PREFIX: uniqueName('t'),
    FETCH_ALLOW_HOSTS: '127.0.0.1,localhost,::1',
    SEED_STARTER_FEEDS: 'false',
    SCHEDULER_TICK_SECONDS: '1',
    ...extra,
  };
  const cleanups: Array<() => Promise<void>> = [];
  if (mode === 'embedded') {
    const dir = mkdtempSync(join(tmpdir(), 'bitim-test-'));
    env.BITIM_DATA_DIR = dir;
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  } else {
    const db = await createTestDatabase();
    env.DATABASE_URL = db.url;
    cleanups.push(db.drop);
    if (mode === 'postgres+redis') env.REDIS_URL = REDIS_URL;
  }
  const config = loadConfig(env, process.cwd());
  return {
    config,
    env,
    async cleanup() {
      for (const c of cleanups.reverse()) await c().catch(() => {});
    },
  };
}
