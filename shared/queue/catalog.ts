// The typed job catalog: every job name, its payload, its queue and its options, in one place.
// Job ids derive from business keys so a retry, a race or a re-poll never enqueues the same work twice.
import type { JobsOptions } from 'bullmq';

export interface JobCatalog {
  /** Poll one feed. */
  'fetch-feed': { feedId: number; reason: 'schedule' | 'manual' };
  /** Enqueue every feed whose next_check_at has passed. */
  'schedule-tick': Record<string, never>;
  /** Analyse one article and update its district's daily counters. */
  'score-article': { articleId: number; force?: boolean };
}

export type JobName = keyof JobCatalog;
export type QueueName = 'ingest' | 'score';

export const jobQueue: Record<JobName, QueueName> = {
  'fetch-feed': 'ingest',
  'schedule-tick': 'ingest',
  'score-article': 'score',
};

const keep = { removeOnComplete: { age: 3600, count: 1000 }, removeOnFail: { age: 7 * 24 * 3600, count: 5000 } };

export const jobDefaults: Record<JobName, JobsOptions> = {
  // A failed fetch is recorded and rescheduled by the feed's own backoff, not retried by the queue.
  'fetch-feed': { attempts: 1, ...keep },
  'schedule-tick': { attempts: 1, removeOnComplete: true, removeOnFail: 100 },
  'score-article': { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, ...keep },
};

export const jobIds = {
  /** One fetch per feed per scheduled slot: the tick may run twice, the job exists once. */
  scheduledFetch: (feedId: number, dueAt: Date) => `fetch:${feedId}:${dueAt.getTime()}`,
  manualFetch: (feedId: number, requestId: string) => `fetch:${feedId}:manual:${requestId}`,
  score: (articleId: number) => `score:${articleId}`,
  rescore: (articleId: number, runId: string) => `score:${articleId}:re:${runId}`,
};
