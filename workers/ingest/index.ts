// The ingest worker: runs fetch-feed and schedule-tick jobs from the `ingest` queue.
import type { Job } from 'bullmq';
import { fetchFeed, type IngestDeps } from './fetch-feed.ts';
import { scheduleTick } from './schedule-tick.ts';
import type { JobCatalog } from '../../shared/queue/index.ts';

export { fetchFeed, scheduleTick, type IngestDeps };

export function startIngestWorker(deps: IngestDeps) {
  const worker = deps.queues.worker(
    'ingest',
    async (job: Job) => {
      if (job.name === 'fetch-feed') {
        const { feedId } = job.data as JobCatalog['fetch-feed'];
        return fetchFeed(deps, feedId, job);
      }
      if (job.name === 'schedule-tick') return scheduleTick(deps);
      throw new Error(`ingest worker: unknown job name ${job.name}`);
    },
    deps.config.ingest.concurrency,
  );
  return worker;
}

/** Registers the repeating tick (idempotent: every ingest process may call it). */
export async function registerScheduler(deps: Pick<IngestDeps, 'queues' | 'config'>): Promise<void> {
  await deps.queues
    .queue('ingest')
    .upsertJobScheduler('schedule-tick', { every: deps.config.ingest.tickSeconds * 1000 }, { name: 'schedule-tick', data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } });
}
