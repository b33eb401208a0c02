// Ingest benchmark: articles per second through the whole pipeline (fetch → parse → store → queue →
// score → store) on the Redis and the PostgreSQL queue backends, beside a bare fetch+parse loop over
// the same local feeds in the same run; and end-to-end latency from the poll that sees an item to its
// scored row.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openRuntime, startRoles } from '../services/runtime.ts';
import { loadConfig } from '../shared/config/index.ts';
import { addFeeds } from '../shared/db/repositories/feeds.ts';
import { guardedFetch } from '../shared/feeds/guarded-fetch.ts';
import { parseAllowList } from '../shared/feeds/net-guard.ts';
import { parseFeed } from '../shared/feeds/parse.ts';
import { jobIds } from '../shared/queue/index.ts';
import { createTestDatabase, REDIS_URL, uniqueName } from '../test/helpers/env.ts';
import { makeItems, rss, type FeedItem } from '../test/helpers/feed-server.ts';
import { percentile, type BenchResult } from './lib.ts';

const FEEDS = 8;
const ITEMS = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Outlet {
  url: string;
  items: FeedItem[];
  server: Server;
}

/** One local outlet per loopback address, so per-host politeness does not serialise them. */
async function startOutlets(): Promise<Outlet[]> {
  const outlets: Outlet[] = [];
  for (let i = 0; i < FEEDS; i++) {
    const host = `127.0.0.${i + 2}`;
    const outlet = { url: '', items: [] as FeedItem[], server: null as unknown as Server };
    outlet.server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(rss(outlet.items));
    });
    await new Promise<void>((r) => outlet.server.listen(0, host, r));
    const port = (outlet.server.address() as AddressInfo).port;
    outlet.url = `http://${host}:${port}/feed.xml`;
    outlet.items = makeItems(ITEMS, `http://${host}:${port}`, i * 10_000);
    outlets.push(outlet);
  }
  return outlets;
}

async function bareLoop(outlets: Outlet[]): Promise<number> {
  const allow = parseAllowList('127.0.0.0/8');
  const t0 = performance.now();
  let n = 0;
  for (const o of outlets) {
    const res = await guardedFetch(o.url, { allow });
    const feed = await parseFeed(res.body, { contentType: res.headers['content-type'] ?? null, url: res.url, fetchedAt: new Date() });
    n += feed.items.length;
  }
  return n / ((performance.now() - t0) / 1000);
}

async function pipeline(outlets: Outlet[], backend: 'redis' | 'postgres'): Promise<{ ingest: number; throughput: number; latencies: number[] }> {
  const db = await createTestDatabase();
  const env: Record<string, string> = {
    DATABASE_URL: db.url,
    QUEUE_PREFIX: uniqueName('bench'),
    FETCH_ALLOW_HOSTS: '127.0.0.0/8',
    SEED_STARTER_FEEDS: 'false',
    LOG_LEVEL: 'warn',
    INGEST_CONCURRENCY: '4',
    SCORE_CONCURRENCY: '2',
    SCHEDULER_TICK_SECONDS: '3600',
  };
  if (backend === 'redis') env.REDIS_URL = REDIS_URL;
  const rt = await openRuntime(loadConfig(env));
  const running = await startRoles(rt, ['ingest', 'score']);
  const count = async (table: 'analyses' | 'articles' = 'analyses') =>
    Number((await rt.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  try {
    const { added } = await addFeeds(rt.db, outlets.map((o) => ({ url: o.url, lang: 'ru' as const })));
    const total = FEEDS * ITEMS;
    const t0 = performance.now();
    await rt.queues.addBulk('fetch-feed', added.map((f) => ({ data: { feedId: f.id, reason: 'manual' as const }, jobId: jobIds.manualFetch(f.id, 'bulk') })));
    // Ingest: fetched, parsed, stored, grouped into stories and enqueued for scoring.
    while ((await count('articles')) < total) await sleep(10);
    const ingest = total / ((performance.now() - t0) / 1000);
    // The whole pipeline, scoring and district counters included.
    while ((await count()) < total) await sleep(10);
    const throughput = total / ((performance.now() - t0) / 1000);

    // Latency: new items appear, one poll sees them; measure fetch start → analysed row.
    const latencies: number[] = [];
    for (let round = 0; round < 10; round++) {
      const o = outlets[round % outlets.length]!;
      const fresh = makeItems(5, new URL(o.url).origin, 500_000 + round * 10 + FEEDS * 100_000);
      o.items = [...fresh, ...o.items];
      const feed = added[round % added.length]!;
      await rt.queues.add('fetch-feed', { feedId: feed.id, reason: 'manual' }, { jobId: jobIds.manualFetch(feed.id, `lat${round}`) });
      const want = total + (round + 1) * 5;
      while ((await count()) < want) await sleep(10);
      const rows = await rt.db
        .selectFrom('analyses')
        .innerJoin('articles', 'articles.id', 'analyses.article_id')
        .select(['analyses.analyzed_at', 'articles.fetched_at'])
        .where('articles.guid', 'in', fresh.map((f) => f.guid))
        .execute();
      for (const r of rows) latencies.push(new Date(r.analyzed_at).getTime() - new Date(r.fetched_at).getTime());
    }
    return { ingest, throughput, latencies };
  } finally {
    await running.stop();
    await rt.close();
    await db.drop();
  }
}

export async function benchIngest(log: (s: string) => void): Promise<BenchResult[]> {
  const outlets = await startOutlets();
  try {
    await bareLoop(outlets); // warm-up: JIT, DNS-free loopback, parser caches
    const baseline = Math.max(await bareLoop(outlets), await bareLoop(outlets));
    log(`bare fetch+parse loop: ${baseline.toFixed(0)} articles/s`);
    const results: BenchResult[] = [];
    const allLatencies: number[] = [];
    for (const backend of ['redis', 'postgres'] as const) {
      const { ingest, throughput, latencies } = await pipeline(outlets, backend);
      allLatencies.push(...latencies);
      log(`${backend}: ingest ${ingest.toFixed(0)} articles/s, through scoring ${throughput.toFixed(0)} articles/s; latency p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms`);
      const ratio = ingest / baseline;
      results.push({ metric: `ingest throughput (${backend} backend)`, value: ingest, unit: 'articles/s', baseline, ratio, target: 'ratio >= 0.5 of bare fetch+parse', met: ratio >= 0.5 });
      results.push({ metric: `pipeline throughput incl. scoring (${backend})`, value: throughput, unit: 'articles/s', baseline, ratio: throughput / baseline, target: 'informational', met: true });
      results.push({ metric: `end-to-end latency p50 (${backend})`, value: percentile(latencies, 50), unit: 'ms', target: 'informational', met: true });
      results.push({ metric: `end-to-end latency p95 (${backend})`, value: percentile(latencies, 95), unit: 'ms', target: '< 2000 ms after the poll that sees the item', met: percentile(latencies, 95) < 2000 });
    }
    return results;
  } finally {
    for (const o of outlets) o.server.close();
  }
}
