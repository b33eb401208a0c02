// Ingest benchmark: articles per second through ingestion (fetch → parse → store → enqueue scoring)
// and through the whole pipeline (… → stories → score → store) on the Redis and the PostgreSQL queue
// backends, beside a bare fetch+parse loop over exactly the same bytes in the same run; and end-to-end
// latency from the poll that sees an item to its scored row.
//
// How it is set up, and why:
// - The ingest worker runs in this process and the score worker in a child process
//   (`bitim worker score`), as production runs them (`bitim worker ingest`, `bitim worker score`, one
//   process each). With both on one event loop, the engine's CPU time (~265 µs per article) was
//   charged to ingestion. The child shares the machine's cores with us and PostgreSQL, as it would
//   on a one-box deployment, and "through scoring" still includes it.
// - Ingest is timed twice per backend, each time on a fresh database: once staged — the score worker
//   stopped after the warm-up, so score jobs wait in the queue — the ingest stage alone, with the
//   machine to itself like the bare loop: that is the figure held against the target — and once with
//   scoring running alongside, which also gives through-scoring throughput and latency. On this
//   2-core machine the score worker (~265 µs of CPU per article) and PostgreSQL compete with the
//   ingest process for the same cores, which a deployment with a core per worker would not.
// - The workload is FEEDS outlets × ITEMS items (3,200 articles, all new) rather than 8 × 100: fixed
//   costs of a tiny run (first job pickup, waiting loops) no longer dominate a 0.3 s measurement.
//   Each outlet's feed body is rendered once up front; the bare loop fetches and parses those very
//   bodies from the same servers, so both sides handle identical bytes.
// - Ingest ends when the last fetch job finished (BullMQ's finishedOn, i.e. its score jobs are
//   enqueued and its fetch is recorded), not at the first poll of a row count that sees the articles:
//   that is the stage being measured, without the polling interval's granularity.
// - The bare loop and the staged pipeline run in ROUNDS back-to-back pairs per backend, and the
//   median of the per-round ratios holds against the target: the machine is shared and noisy (the
//   bare loop alone moves by ±15% from one run to the next), and a pair measured a second apart sees
//   the same machine. An earlier version held one pipeline run against the best of four bare loops,
//   which compared one draw against the luckiest of four. Beside the rates, the CPU time this
//   process spends per article (ingest vs bare loop) is reported: it moves less with other load.
// - Feeds are added, not yet due, before the ingest role starts: the scheduler's first tick runs at
//   once, and an earlier version let it poll every feed a second time, untimed, during the measurement.
// - The ingest worker runs with the default INGEST_CONCURRENCY (8).
// - Before the timed phase, WARMUP_FEEDS other feeds go through the pipeline untimed (the bare loop is
//   timed warm as well; a long-running worker is warm).
// - Each backend starts from the same initial bodies on a fresh database. Latency rounds prepend fresh
//   items whose ids are unique per backend run (an earlier version reused the Redis run's fresh items
//   for the PostgreSQL run, where they were already stored by the bulk phase, so it measured backlog).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { openRuntime, startRoles } from '../services/runtime.ts';
import { loadConfig } from '../shared/config/index.ts';
import { addFeeds } from '../shared/db/repositories/feeds.ts';
import { guardedFetch } from '../shared/feeds/guarded-fetch.ts';
import { parseAllowList } from '../shared/feeds/net-guard.ts';
import { parseFeed } from '../shared/feeds/parse.ts';
import { jobIds } from '../shared/queue/index.ts';
import { createTestDatabase, REDIS_URL, uniqueName } from '../test/helpers/env.ts';
import { makeItems, rss, type FeedItem } from '../test/helpers/feed-server.ts';
import { median } from '../shared/analysis/eval/timing.ts';
import { percentile, type BenchResult } from './lib.ts';

const FEEDS = 32;
const ITEMS = 100;
const WARMUP_FEEDS = 4;
const LATENCY_ROUNDS = 10;
/** Timed (bare loop, staged pipeline) pairs per backend. */
const ROUNDS = 9;
const FRESH_PER_ROUND = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Outlet {
  url: string;
  initial: FeedItem[];
  items: FeedItem[];
  body: Buffer;
  /** A second feed on the same outlet, with other items: warms the pipeline up before it is timed. */
  warmupUrl: string;
  warmupBody: Buffer;
  server: Server;
}

function setItems(o: Outlet, items: FeedItem[]): void {
  o.items = items;
  o.body = Buffer.from(rss(items));
}

/** One local outlet per loopback address, so per-host politeness does not serialise them. */
async function startOutlets(): Promise<Outlet[]> {
  const outlets: Outlet[] = [];
  for (let i = 0; i < FEEDS; i++) {
    const host = `127.0.0.${i + 2}`;
    const outlet = { url: '', initial: [], items: [], body: Buffer.alloc(0), server: null as unknown as Server } as unknown as Outlet;
    outlet.server = createServer((req, res) => {
      const body = req.url === '/warmup.xml' ? outlet.warmupBody : outlet.body;
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'content-length': body.length });
      res.end(body);
    });
    await new Promise<void>((r) => outlet.server.listen(0, host, r));
    const port = (outlet.server.address() as AddressInfo).port;
    outlet.url = `http://${host}:${port}/feed.xml`;
    outlet.initial = makeItems(ITEMS, `http://${host}:${port}`, i * 10_000);
    setItems(outlet, outlet.initial);
    outlet.warmupUrl = `http://${host}:${port}/warmup.xml`;
    outlet.warmupBody = Buffer.from(rss(makeItems(ITEMS, `http://${host}:${port}/w`, 500_000 + i * 10_000)));
    outlets.push(outlet);
  }
  return outlets;
}

/** CPU time of this process per article, in µs, between two process.cpuUsage() readings. */
const cpuPerArticle = (from: NodeJS.CpuUsage, articles: number) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / articles;
};

async function bareLoop(outlets: Outlet[]): Promise<{ rate: number; cpu: number }> {
  const allow = parseAllowList('127.0.0.0/8');
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let n = 0;
  for (const o of outlets) {
    const res = await guardedFetch(o.url, { allow });
    const feed = await parseFeed(res.body, { contentType: res.headers['content-type'] ?? null, url: res.url, fetchedAt: new Date() });
    n += feed.items.length;
  }
  return { rate: n / ((performance.now() - t0) / 1000), cpu: cpuPerArticle(cpu0, n) };
}

/** `bitim worker score` in its own process; resolves once it reports running. */
async function startScoreChild(env: Record<string, string>): Promise<{ child: ChildProcess; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['bin/bitim.mjs', 'worker', 'score'], {
    cwd: join(import.meta.dirname, '..'),
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`score worker did not start:\n${stderr}`)), 60_000);
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes('"bitim running"')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`score worker exited with ${code}:\n${stderr}`));
    });
  });
  // Keep draining stderr so the child never blocks on a full pipe; surface its warnings.
  child.stderr!.removeAllListeners('data');
  child.stderr!.on('data', (d: Buffer) => {
    for (const line of d.toString().split('\n')) if (/"level":(40|50|60)/.test(line)) process.stderr.write(`[score worker] ${line}\n`);
  });
  return {
    child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

interface PipelineRun {
  ingest: number;
  ingestCpu: number;
  /** Only when scoring ran alongside (not in the staged run). */
  throughput: number | null;
  latencies: number[];
}

/**
 * One timed run on a fresh database. `staged`: the score worker is stopped after the warm-up, before
 * ingestion is timed (an earlier version only paused its queue: the idle worker still took 20–40 µs
 * of CPU per article ingested, on the cores the ingest stage needs), so the ingest stage has the
 * machine to itself as the bare loop does; nothing else is measured. Otherwise scoring runs alongside and the
 * run also yields through-scoring throughput and latency.
 */
async function pipeline(outlets: Outlet[], backend: 'redis' | 'postgres', runIndex: number, staged: boolean): Promise<PipelineRun> {
  for (const o of outlets) setItems(o, o.initial);
  const db = await createTestDatabase();
  const env: Record<string, string> = {
    DATABASE_URL: db.url,
    QUEUE_PREFIX: uniqueName('bench'),
    FETCH_ALLOW_HOSTS: '127.0.0.0/8',
    SEED_STARTER_FEEDS: 'false',
    LOG_LEVEL: 'warn',
    SCORE_CONCURRENCY: '2',
    SCHEDULER_TICK_SECONDS: '3600',
  };
  if (backend === 'redis') env.REDIS_URL = REDIS_URL;
  const rt = await openRuntime(loadConfig(env));
  let scorer: Awaited<ReturnType<typeof startScoreChild>> | null = null;
  let running: Awaited<ReturnType<typeof startRoles>> | null = null;
  const count = async (table: 'analyses' | 'articles' = 'analyses') =>
    Number((await rt.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  try {
    // Only the bench's own polls: the scheduler's first tick (due as soon as the ingest role starts)
    // must find no feed due, or it polls them before the timer starts.
    const firstCheckAt = new Date(Date.now() + 86_400_000);
    const warm = await addFeeds(rt.db, outlets.slice(0, WARMUP_FEEDS).map((o) => ({ url: o.warmupUrl, lang: 'ru' as const, firstCheckAt })));
    const { added } = await addFeeds(rt.db, outlets.map((o) => ({ url: o.url, lang: 'ru' as const, firstCheckAt })));
    scorer = await startScoreChild(env);
    running = await startRoles(rt, ['ingest']);
    // Warm-up, untimed: the bare loop is measured warm (JIT, connections), so is the pipeline — a
    // long-running worker process is. The first feeds through a fresh process are several times slower.
    await rt.queues.addBulk('fetch-feed', warm.added.map((f) => ({ data: { feedId: f.id, reason: 'manual' as const }, jobId: jobIds.manualFetch(f.id, 'warmup') })));
    const warmTotal = WARMUP_FEEDS * ITEMS;
    while ((await count()) < warmTotal) await sleep(20);
    const total = FEEDS * ITEMS;
    if (staged) {
      await scorer.stop();
      scorer = null;
    }
    const ids = added.map((f) => jobIds.manualFetch(f.id, 'bulk'));
    const cpu0 = process.cpuUsage();
    const t0 = Date.now();
    await rt.queues.addBulk('fetch-feed', added.map((f, i) => ({ data: { feedId: f.id, reason: 'manual' as const }, jobId: ids[i]! })));
    // Ingest: fetched, parsed, stored, scoring enqueued, fetch recorded.
    // Polled slowly: the end time comes from the jobs themselves, and polling is CPU this process
    // would otherwise give the ingest worker.
    while ((await count('articles')) < warmTotal + total) await sleep(50);
    const ingestCpu = cpuPerArticle(cpu0, total);
    const ingestQueue = rt.queues.queue('ingest');
    let finished: number[] = [];
    for (;;) {
      const jobs = await Promise.all(ids.map((id) => ingestQueue.getJob(id)));
      finished = jobs.map((j) => j?.finishedOn ?? NaN);
      if (finished.every((f) => Number.isFinite(f))) {
        // Each timed poll stored its whole feed: no other poll did part of the work untimed.
        const stored = jobs.map((j) => (j?.returnvalue as { new?: number } | undefined)?.new);
        if (stored.some((n) => n !== ITEMS)) throw new Error(`timed polls stored ${stored.join(',')} articles, expected ${ITEMS} each`);
        break;
      }
      await sleep(10);
    }
    const ingest = total / ((Math.max(...finished) - t0) / 1000);
    if (staged) return { ingest, ingestCpu, throughput: null, latencies: [] };
    // The whole pipeline, scoring and district counters included.
    while ((await count()) < warmTotal + total) await sleep(10);
    const throughput = total / ((Date.now() - t0) / 1000);

    // Latency: new items appear, one poll sees them; measure fetch start → analysed row.
    const latencies: number[] = [];
    for (let round = 0; round < LATENCY_ROUNDS; round++) {
      const i = round % outlets.length;
      const o = outlets[i]!;
      const fresh = makeItems(FRESH_PER_ROUND, new URL(o.url).origin, 1_000_000 * (runIndex + 1) + round * 100 + i * 10_000);
      setItems(o, [...fresh, ...o.items]);
      const feed = added[i]!;
      await rt.queues.add('fetch-feed', { feedId: feed.id, reason: 'manual' }, { jobId: jobIds.manualFetch(feed.id, `lat${round}`) });
      const want = warmTotal + total + (round + 1) * FRESH_PER_ROUND;
      while ((await count()) < want) await sleep(10);
      const rows = await rt.db
        .selectFrom('analyses')
        .innerJoin('articles', 'articles.id', 'analyses.article_id')
        .select(['analyses.analyzed_at', 'articles.fetched_at'])
        .where('articles.feed_id', '=', feed.id)
        .where('articles.guid', 'in', fresh.map((f) => f.guid))
        .execute();
      if (rows.length !== FRESH_PER_ROUND) throw new Error(`latency round ${round}: ${rows.length} of ${FRESH_PER_ROUND} fresh items analysed`);
      for (const r of rows) latencies.push(new Date(r.analyzed_at).getTime() - new Date(r.fetched_at).getTime());
    }
    return { ingest, ingestCpu, throughput, latencies };
  } finally {
    await running?.stop();
    await scorer?.stop();
    await rt.close();
    await db.drop();
  }
}

export async function benchIngest(log: (s: string) => void): Promise<BenchResult[]> {
  const outlets = await startOutlets();
  try {
    await bareLoop(outlets); // warm-up: JIT, loopback connections, parser caches
    const results: BenchResult[] = [];
    for (const [i, backend] of (['redis', 'postgres'] as const).entries()) {
      // Rounds of (bare loop, staged pipeline) back to back: each pair shares the machine's state of
      // the moment, and the median of the per-round ratios is what holds against the target.
      const rounds: Array<{ bare: { rate: number; cpu: number }; run: PipelineRun }> = [];
      for (let r = 0; r < ROUNDS; r++) {
        const bare = await bareLoop(outlets);
        const run = await pipeline(outlets, backend, i * (ROUNDS + 1) + r, true);
        rounds.push({ bare, run });
        log(`${backend} round ${r + 1}/${ROUNDS}: bare loop ${bare.rate.toFixed(0)} articles/s (${bare.cpu.toFixed(0)} µs CPU each); ingest ${run.ingest.toFixed(0)} articles/s with the score worker stopped (${run.ingestCpu.toFixed(0)} µs CPU each in the ingest process); ratio ${(run.ingest / bare.rate).toFixed(2)}`);
      }
      const ratios = rounds.map((x) => x.run.ingest / x.bare.rate);
      const ratio = median(ratios);
      const ingest = median(rounds.map((x) => x.run.ingest));
      const baseline = median(rounds.map((x) => x.bare.rate));
      const ingestCpu = median(rounds.map((x) => x.run.ingestCpu));
      const baselineCpu = median(rounds.map((x) => x.bare.cpu));
      log(`${backend}: ingest ratio median ${ratio.toFixed(2)} (min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}, ${ROUNDS} rounds)`);
      results.push({ metric: `ingest throughput (${backend} backend)`, value: ingest, unit: 'articles/s', baseline, ratio, target: 'median per-round ratio >= 0.5 of bare fetch+parse', met: ratio >= 0.5 });
      // CPU time is what a shared machine's load distorts least: the ingest process's own CPU per
      // article (fetch, parse, SQL, queue) beside the bare loop's (fetch, parse).
      results.push({ metric: `ingest CPU per article (${backend})`, value: ingestCpu, unit: 'µs', baseline: baselineCpu, ratio: baselineCpu / ingestCpu, target: 'informational', met: true });

      // Scoring alongside: through-scoring throughput and end-to-end latency.
      const bare = await bareLoop(outlets);
      const r = await pipeline(outlets, backend, i * (ROUNDS + 1) + ROUNDS, false);
      log(`${backend}: ingest ${r.ingest.toFixed(0)} articles/s with scoring alongside, through scoring ${r.throughput!.toFixed(0)} articles/s (bare loop ${bare.rate.toFixed(0)}); latency p50 ${percentile(r.latencies, 50)} ms, p95 ${percentile(r.latencies, 95)} ms`);
      results.push({ metric: `ingest throughput, scoring alongside (${backend})`, value: r.ingest, unit: 'articles/s', baseline: bare.rate, ratio: r.ingest / bare.rate, target: 'informational', met: true });
      results.push({ metric: `pipeline throughput incl. scoring (${backend})`, value: r.throughput!, unit: 'articles/s', baseline: bare.rate, ratio: r.throughput! / bare.rate, target: 'informational', met: true });
      results.push({ metric: `end-to-end latency p50 (${backend})`, value: percentile(r.latencies, 50), unit: 'ms', target: 'informational', met: true });
      results.push({ metric: `end-to-end latency p95 (${backend})`, value: percentile(r.latencies, 95), unit: 'ms', target: '< 2000 ms after the poll that sees the item', met: percentile(r.latencies, 95) < 2000 });
    }
    return results;
  } finally {
    for (const o of outlets) o.server.close();
  }
}
