// The typed job catalog: every job name, its payload, its queue and its options, in one place.
// Job ids derive from business keys so a retry, a race or a re-poll never enqueues the same work twice.
import type { JobsOptions } from 'bullmq';

export interface JobCatalog {
  /** Poll one feed. */
  'fetch-feed': { feedId: number; reason: 'schedule' | 'manual' };
  /** Enqueue every feed whose next_check_at has passed. */
  'schedule-tick': Record<string, never>;
  /** Analyse a batch of new articles (one fetch's worth, at most SCORE_BATCH) and update their units' daily counters. */
  'score-articles': { articleIds: number[] };
}

export type JobName = keyof JobCatalog;
export type QueueName = 'ingest' | 'score';

/**
 * Articles per score job: a typical poll's new items fit in one job (queue work is per job, and on
 * the PostgreSQL backend each job costs the database about as much as storing 10 articles), and a
 * retry re-runs at most ~30 ms of engine time.
 */
export const SCORE_BATCH = 100;

export const jobQueue: Record<JobName, QueueName> = {
  'fetch-feed': 'ingest',
  'schedule-tick': 'ingest',
  'score-articles': 'score',
};

const keep = { removeOnComplete: { age: 3600, count: 1000 }, removeOnFail: { age: 7 * 24 * 3600, count: 5000 } };

export const jobDefaults: Record<JobName, JobsOptions> = {
  // A failed fetch is recorded and rescheduled by the feed's own backoff, not retried by the queue.
  'fetch-feed': { attempts: 1, ...keep },
  'schedule-tick': { attempts: 1, removeOnComplete: true, removeOnFail: 100 },
  'score-articles': { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, ...keep },
};

// BullMQ forbids ':' in custom ids, so parts are joined with '-'.
export const jobIds = {
  /** One fetch per feed per scheduled slot: the tick may run twice, the job exists once. */
  scheduledFetch: (feedId: number, dueAt: Date) => `fetch-${feedId}-${dueAt.getTime()}`,
  manualFetch: (feedId: number, requestId: string) => `fetch-${feedId}-manual-${requestId}`,
  /** Batches come from one insert, so their first/last ids name them uniquely. */
  score: (articleIds: number[]) => `score-${articleIds[0]}-${articleIds[articleIds.length - 1]}-${articleIds.length}`,
};

/** Score jobs for a list of new article ids, in SCORE_BATCH-sized batches with their deterministic ids. */
export function scoreJobs(articleIds: number[], idPrefix = ''): Array<{ data: JobCatalog['score-articles']; jobId: string }> {
  const jobs: Array<{ data: JobCatalog['score-articles']; jobId: string }> = [];
  for (let i = 0; i < articleIds.length; i += SCORE_BATCH) {
    const batch = articleIds.slice(i, i + SCORE_BATCH);
    jobs.push({ data: { articleIds: batch }, jobId: `${idPrefix}${jobIds.score(batch)}` });
  }
  return jobs;
}
