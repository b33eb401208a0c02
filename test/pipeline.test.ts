// The whole path — local feed → ingest queue → score queue → PostgreSQL → API — in the three run
// modes: embedded PGlite (+ BullMQ's PostgreSQL backend), PostgreSQL only, PostgreSQL + Redis.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, startRoles, type Running, type Runtime } from '../services/runtime.ts';
import { buildApp } from '../services/api/app.ts';
import { addFeeds } from '../shared/db/repositories/feeds.ts';
import { createApiKey } from '../shared/db/repositories/keys.ts';
import { jobIds, Queues, SCORE_BATCH } from '../shared/queue/index.ts';
import { startIngestWorker } from '../workers/ingest/index.ts';
import { makeItems, startFeedServer, type FeedServer } from './helpers/feed-server.ts';
import { testConfig, type Mode } from './helpers/env.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await fn();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await sleep(100);
    last = await fn();
  }
  return last;
}

const modes: Mode[] = ['embedded', 'postgres', 'postgres+redis'];

/**
 * Only a test's own polls: a feed added as due would be polled by the scheduler's first tick too
 * (it runs when the queue delivers it, which can be after the feed is added), storing the items
 * before the test's poll does.
 */
const notDue = () => new Date(Date.now() + 86_400_000);

describe.each(modes)('pipeline (%s)', (mode) => {
  let rt: Runtime;
  let running: Running;
  let server: FeedServer;
  let cleanup: () => Promise<void>;
  let env: Record<string, string>;
  let key: string;
  let app: Awaited<ReturnType<typeof buildApp>>;

  const count = async (table: 'articles' | 'analyses') =>
    Number((await rt.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  async function poll(feedId: number) {
    const jobId = jobIds.manualFetch(feedId, Math.random().toString(36).slice(2));
    await rt.queues.add('fetch-feed', { feedId, reason: 'manual' }, { jobId });
    const queue = rt.queues.queue('ingest');
    return waitFor(`fetch job ${jobId}`, async () => {
      const job = await queue.getJob(jobId);
      return job && (await job.getState()) === 'completed' ? (job.returnvalue as { new: number; duplicates: number; outcome: string }) : null;
    }, (v) => v !== null);
  }

  async function allArticles() {
    const items: any[] = [];
    let cursor: string | null = null;
    do {
      const res: { statusCode: number; json: () => any } = await app.inject({ url: `/v1/articles?limit=7${cursor ? `&cursor=${cursor}` : ''}`, headers: { authorization: `Bearer ${key}` } });
      expect(res.statusCode).toBe(200);
      const body: { items: any[]; nextCursor: string | null } = res.json();
      items.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    return items;
  }

  beforeAll(async () => {
    // No scheduler ticks: the tests poll on purpose, a tick would race them for the same items.
    const t = await testConfig(mode, { WORKER_LOCK_MS: '3000', WORKER_STALLED_INTERVAL_MS: '1000', SCHEDULER_TICK_SECONDS: '3600' });
    cleanup = t.cleanup;
    env = t.env;
    rt = await openRuntime(t.config);
    running = await startRoles(rt, ['ingest', 'score']);
    app = await buildApp(rt);
    key = (await createApiKey(rt.db, 'viewer', 'test')).key;
    server = await startFeedServer();
  });

  afterAll(async () => {
    await app?.close();
    await running?.stop();
    await rt?.close();
    await server?.close();
    await cleanup?.();
  });

  it('ingests, scores and places each item exactly once, also after re-polls', async () => {
    server.setItems(makeItems(12, server.base));
    const { added } = await addFeeds(rt.db, [{ url: server.url(), lang: 'ru', regionKato: '310000000', firstCheckAt: notDue() }]);
    const feedId = added[0]!.id;

    const first = await poll(feedId);
    expect(first).toMatchObject({ outcome: 'ok', new: 12, duplicates: 0 });
    await waitFor('12 analyses', () => count('analyses'), (n) => n === 12);

    // Scoring put every article in a story (copies of one template are one story), counted once.
    const unstoried = await rt.db.selectFrom('articles').select('id').where('story_id', 'is', null).execute();
    expect(unstoried).toEqual([]);
    const reports = await rt.db.selectFrom('stories').select((eb) => eb.fn.sum<number>('report_count').as('n')).executeTakeFirstOrThrow();
    expect(Number(reports.n)).toBe(12);

    const items = await allArticles();
    expect(items).toHaveLength(12);
    expect(new Set(items.map((i) => i.id)).size).toBe(12);
    for (const it of items) {
      expect(it.tension).toEqual(expect.objectContaining({ score: expect.any(Number), label: expect.any(Number), severity: expect.any(String) }));
      expect(it.url).not.toContain('utm_');
    }
    // The Korday brawl reports are placed in Korday district (Zhambyl region) and flagged.
    const korday = items.filter((i) => /Масанчи|Korday/.test(i.title));
    expect(korday.length).toBeGreaterThan(0);
    for (const k of korday) {
      expect(k.region?.kato).toBe('310000000');
      expect(k.district?.kato).toBe('314800000');
      expect(k.tension.label).toBe(1);
    }

    // Second poll: 304 Not Modified.
    const second = await poll(feedId);
    expect(second).toMatchObject({ outcome: 'not_modified', new: 0 });
    // Third poll: a server that ignores validators and sends the same items with 200.
    server.behaviour = 'ignore-etag';
    const third = await poll(feedId);
    expect(third).toMatchObject({ outcome: 'ok', new: 0, duplicates: 12 });
    server.behaviour = 'normal';
    expect(await count('articles')).toBe(12);
    expect(await count('analyses')).toBe(12);

    const log = await rt.db.selectFrom('fetch_log').select(['outcome', 'new_items']).where('feed_id', '=', feedId).orderBy('id').execute();
    expect(log.map((l) => l.outcome)).toEqual(['ok', 'not_modified', 'ok']);
  });

  it('stores each article once with two ingest workers racing on the same feed', async () => {
    // A second, independent set of queue connections and an ingest worker: two consumers at once.
    const otherQueues = new Queues({ config: rt.config, databaseUrl: rt.database.url, log: rt.log });
    const otherWorker = startIngestWorker({ ...rt, queues: otherQueues, holder: 'second-worker' });
    try {
      const before = await count('articles');
      server.setItems(makeItems(20, server.base, 100));
      const { added } = await addFeeds(rt.db, [{ url: server.url('/feed.xml?race=1'), lang: 'ru', firstCheckAt: notDue() }]);
      const feedId = added[0]!.id;
      // Same feed, six polls at once from two producers; the server ignores validators.
      server.behaviour = 'ignore-etag';
      const ids = Array.from({ length: 6 }, (_, i) => jobIds.manualFetch(feedId, `race${i}`));
      await Promise.all(ids.map((jobId, i) => (i % 2 ? otherQueues : rt.queues).add('fetch-feed', { feedId, reason: 'manual' }, { jobId })));
      const queue = rt.queues.queue('ingest');
      const results = await Promise.all(
        ids.map((jobId) =>
          waitFor(`race job ${jobId}`, async () => {
            const job = await queue.getJob(jobId);
            return job && (await job.getState()) === 'completed' ? (job.returnvalue as { new: number }) : null;
          }, (v) => v !== null),
        ),
      );
      server.behaviour = 'normal';
      expect(results.map((r: any) => r.outcome)).toEqual(Array(6).fill('ok'));
      expect(results.reduce((n, r) => n + r!.new, 0)).toBe(20);
      expect(await count('articles')).toBe(before + 20);
      await waitFor('all analysed', () => count('analyses'), (n) => n === before + 20);
    } finally {
      await otherWorker.close();
      await otherQueues.close();
    }
  });

  it('recovers when a worker process is killed mid-batch, storing nothing twice', async () => {
    const before = await count('articles');
    await running.stop(); // only the child process works until it is killed
    const N = 3 * SCORE_BATCH + 50; // several score jobs, so the kill lands between two of them
    server.setItems(makeItems(N, server.base, 1000));
    const { added } = await addFeeds(rt.db, [{ url: server.url('/feed.xml?kill=1'), lang: 'ru', firstCheckAt: notDue() }]);
    const feedId = added[0]!.id;
    // In embedded mode the child attaches to this process's PGlite through its loopback socket.
    const child: ChildProcess = spawn(process.execPath, ['bin/bitim.mjs', 'start'], {
      env: { ...process.env, ...env, PORT: '0', SCORE_CONCURRENCY: '1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    try {
      await rt.queues.add('fetch-feed', { feedId, reason: 'manual' }, { jobId: jobIds.manualFetch(feedId, 'kill') });
      const atKill = await waitFor('child to start scoring', () => count('analyses'), (n) => n > before + 5, 90_000).catch((err) => {
        throw new Error(`${err.message}\nchild stderr:\n${stderr}`);
      });
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      expect(atKill).toBeLessThan(before + N); // really mid-batch
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    running = await startRoles(rt, ['ingest', 'score']);
    await waitFor(`${N} new articles all analysed`, () => count('analyses'), (n) => n === before + N, 90_000);
    expect(await count('articles')).toBe(before + N);
    // Counters derived from analyses agree with the rows (no double counting after the kill).
    const fromRows = await rt.db
      .selectFrom('analyses')
      .where('district_kato', 'is not', null)
      .groupBy(['district_kato', 'day'])
      .select((eb) => ['district_kato', 'day', eb.fn.countAll<number>().as('n')])
      .execute();
    expect(fromRows.length).toBeGreaterThan(0);
    for (const r of fromRows) {
      const counter = await rt.db.selectFrom('unit_daily').select('articles').where('kato', '=', r.district_kato!).where('day', '=', r.day).executeTakeFirstOrThrow();
      expect(counter.articles).toBe(Number(r.n));
    }
  });
});
