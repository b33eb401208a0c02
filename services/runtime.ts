// Wiring shared by every role and the CLI: config → logger → database (+ migrations) → queues.
// `bitim start` runs every role in one process; `bitim api` / `bitim worker <kind>` run one each.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../shared/config/index.ts';
import { openDatabase, type DatabaseHandle, type Db } from '../shared/db/index.ts';
import { countFeeds } from '../shared/db/repositories/feeds.ts';
import { countApiKeys, createApiKey } from '../shared/db/repositories/keys.ts';
import { importFeedList } from '../shared/db/seed/import.ts';
import { parseAllowList, type AllowList } from '../shared/feeds/net-guard.ts';
import { createLogger, type Logger } from '../shared/log.ts';
import { Queues } from '../shared/queue/index.ts';
import { registerScheduler, scheduleTick, startIngestWorker } from '../workers/ingest/index.ts';
import { startScoreWorker } from '../workers/score/index.ts';

export interface Runtime {
  config: Config;
  log: Logger;
  database: DatabaseHandle;
  db: Db;
  queues: Queues;
  allow: AllowList;
  holder: string;
  close(): Promise<void>;
}

export async function openRuntime(config: Config, opts: { log?: Logger; migrate?: boolean } = {}): Promise<Runtime> {
  const log = opts.log ?? createLogger(config.log.level);
  const database = await openDatabase(config, log, { migrate: opts.migrate });
  const queues = new Queues({ config, databaseUrl: database.url, log });
  return {
    config,
    log,
    database,
    db: database.db,
    queues,
    allow: parseAllowList(config.fetch.allowHosts),
    holder: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    async close() {
      await queues.close();
      await database.close();
    },
  };
}

export type Role = 'api' | 'ingest' | 'score';

export interface Running {
  app: FastifyInstance | null;
  workers: Worker[];
  stop(): Promise<void>;
}

/** Starts the given roles on an open runtime. Stopping closes workers gracefully (current jobs finish). */
export async function startRoles(rt: Runtime, roles: Role[]): Promise<Running> {
  const workers: Worker[] = [];
  let app: FastifyInstance | null = null;
  let stopTicker: (() => void) | null = null;
  if (roles.includes('ingest')) {
    workers.push(startIngestWorker(rt));
    if (rt.config.mode === 'embedded') stopTicker = await startInProcessTicker(rt);
    else await registerScheduler(rt);
  }
  if (roles.includes('score')) workers.push(startScoreWorker(rt));
  if (roles.includes('api')) {
    const { buildApp } = await import('./api/app.ts');
    const built = await buildApp(rt);
    await built.listen({ host: rt.config.api.host, port: rt.config.api.port });
    app = built;
  }
  return {
    app,
    workers,
    async stop() {
      stopTicker?.();
      await app?.close();
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}

/**
 * Embedded mode ticks in-process: pglite-socket does not deliver NOTIFY between connections, and a
 * worker waiting for BullMQ's repeating tick job would sleep until it is due, missing new jobs meanwhile.
 */
async function startInProcessTicker(rt: Runtime): Promise<() => void> {
  await rt.queues.queue('ingest').removeJobScheduler('schedule-tick');
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await scheduleTick(rt);
    } catch (err) {
      rt.log.warn({ err: (err as Error).message }, 'scheduler tick failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, rt.config.ingest.tickSeconds * 1000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}

/** First start of a fresh database: the starter feed list, and (embedded) a local admin key. */
export async function firstStart(rt: Runtime): Promise<{ seededFeeds: number; adminKeyFile: string | null }> {
  let seededFeeds = 0;
  if (rt.config.ingest.seedStarterFeeds && (await countFeeds(rt.db)) === 0) {
    const res = await importFeedList(rt.db, join(import.meta.dirname, '../shared/db/seed/kz-outlets.json'), {
      source: 'starter',
      defaultIntervalMin: rt.config.ingest.defaultIntervalMin,
    });
    seededFeeds = res.added;
    rt.log.info({ feeds: res.added }, 'loaded the starter feed list');
  }
  let adminKeyFile: string | null = null;
  if (rt.config.mode === 'embedded') {
    adminKeyFile = join(rt.config.dataDir, 'admin-key.txt');
    if ((await countApiKeys(rt.db)) === 0 || !existsSync(adminKeyFile)) {
      if ((await countApiKeys(rt.db)) === 0) {
        const { key } = await createApiKey(rt.db, 'admin', 'local admin (created on first start)');
        writeFileSync(adminKeyFile, key + '\n', { mode: 0o600 });
      } else {
        adminKeyFile = null;
      }
    }
  }
  return { seededFeeds, adminKeyFile };
}

export function readAdminKey(file: string): string | null {
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}
