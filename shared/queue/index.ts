// Queue plumbing: the same BullMQ classes over Redis (REDIS_URL) or over PostgreSQL (BullMQ's own
// PostgreSQL backend, also used on embedded PGlite). Nothing else constructs queues or workers.
import { Queue, QueueEvents, Worker, createPostgresBackend, type Job, type Processor } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../config/index.ts';
import { jobDefaults, jobQueue, type JobCatalog, type JobName, type QueueName } from './catalog.ts';

/** From this many jobs on, one PostgreSQL addBulk (~14 ms) costs less than single adds (~0.8 ms each). */
const PG_BULK_MIN = 16;

export * from './catalog.ts';

export interface QueueContext {
  config: Config;
  /** The database URL; the PostgreSQL backend keeps its tables there. */
  databaseUrl: string;
  log: Logger;
}

export type TypedJob<N extends JobName = JobName> = Job<JobCatalog[N], unknown, N>;

export class Queues {
  private readonly queues = new Map<QueueName, Queue>();
  private readonly consumers: Array<() => Promise<void>> = [];
  private readonly connections: Array<() => void> = [];

  constructor(private readonly ctx: QueueContext) {}

  get backend() {
    return this.ctx.config.queue.backend;
  }

  private baseOptions(role: 'producer' | 'worker') {
    const { config, databaseUrl, log } = this.ctx;
    if (config.queue.backend === 'redis') {
      // Producers fail fast (no offline queue); workers wait for Redis to come back.
      const connection = new Redis(config.queue.redisUrl!, {
        maxRetriesPerRequest: role === 'worker' ? null : 1,
        enableOfflineQueue: role === 'worker',
        lazyConnect: false,
      });
      connection.on('error', (err) => log.warn({ err: err.message, role }, 'redis connection error'));
      this.connections.push(() => connection.disconnect());
      return { opts: { connection, prefix: config.queue.prefix }, factory: undefined };
    }
    const embedded = config.mode === 'embedded';
    const connection = {
      connectionString: databaseUrl,
      max: 4,
      migrate: true,
      // PGlite serves one database: BullMQ's tables live beside ours in `public` there.
      ...(embedded ? { schema: 'public' } : {}),
    };
    return { opts: { connection: connection as any, prefix: config.queue.prefix }, factory: createPostgresBackend as any };
  }

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      const { opts, factory } = this.baseOptions('producer');
      q = factory ? new Queue(name, opts, factory) : new Queue(name, opts);
      q.on('error', (err) => this.ctx.log.warn({ err: err.message, queue: name }, 'queue error'));
      this.queues.set(name, q);
    }
    return q;
  }

  async add<N extends JobName>(name: N, data: JobCatalog[N], opts: { jobId?: string; delay?: number } = {}): Promise<void> {
    await this.queue(jobQueue[name]).add(name, data, { ...jobDefaults[name], ...opts });
  }

  async addBulk<N extends JobName>(name: N, jobs: Array<{ data: JobCatalog[N]; jobId: string }>): Promise<void> {
    if (jobs.length === 0) return;
    const queue = this.queue(jobQueue[name]);
    // BullMQ's PostgreSQL addBulk builds two temporary tables per call: measured at ~14 ms of server
    // time, against ~0.6–0.8 ms per single add. A few jobs (a poll's score jobs) are therefore added
    // one by one there; each has its deterministic id, so doing so (not atomically) is safe: a repeat
    // adds nothing, and articles whose job never got added are picked up by the orphan sweep.
    if (this.backend !== 'redis' && jobs.length < PG_BULK_MIN) {
      await Promise.all(jobs.map((j) => queue.add(name, j.data, { ...jobDefaults[name], jobId: j.jobId })));
      return;
    }
    await queue.addBulk(jobs.map((j) => ({ name, data: j.data, opts: { ...jobDefaults[name], jobId: j.jobId } })));
  }

  worker(name: QueueName, processor: Processor, concurrency: number): Worker {
    const { config, log } = this.ctx;
    const { opts, factory } = this.baseOptions('worker');
    const wopts = {
      ...opts,
      concurrency,
      lockDuration: config.worker.lockDurationMs,
      stalledInterval: config.worker.stalledIntervalMs,
      maxStalledCount: 2,
      // pglite-socket does not push NOTIFY to other connections, so on the embedded database a worker
      // learns of new jobs by polling: once a second instead of BullMQ's long block.
      ...(config.mode === 'embedded' ? { drainDelay: 1 } : {}),
    };
    const w = factory ? new Worker(name, processor, wopts, factory) : new Worker(name, processor, wopts);
    w.on('error', (err) => log.error({ err: err.message, queue: name }, 'worker error'));
    w.on('failed', (job, err) => log.warn({ queue: name, jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'job failed'));
    this.consumers.push(() => w.close());
    return w;
  }

  events(name: QueueName): QueueEvents {
    const { opts, factory } = this.baseOptions('worker');
    const ev = factory ? new QueueEvents(name, opts, factory) : new QueueEvents(name, opts);
    this.consumers.push(() => ev.close());
    return ev;
  }

  /** Health probe: the backend answers. */
  async ping(): Promise<void> {
    await this.queue('ingest').getJobCounts('waiting');
  }

  async close(): Promise<void> {
    // Workers first (they finish their current job), then producers, then raw connections.
    await Promise.all(this.consumers.splice(0).map((close) => close().catch(() => {})));
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => {})));
    this.queues.clear();
    for (const disconnect of this.connections.splice(0)) disconnect();
  }
}
