// The scheduler's tick: enqueue a fetch for every feed that is due. The job id names the feed and
// its due time, so overlapping ticks (or several ingest processes) never enqueue the same poll twice.
// It also re-enqueues scoring for articles left unscored by a worker that died between storing them
// and enqueueing their score job (scoring is an upsert, so a repeat is harmless).
import type { IngestDeps } from './fetch-feed.ts';
import { dueFeeds } from '../../shared/db/repositories/feeds.ts';
import { unscoredArticleIds } from '../../shared/db/repositories/articles.ts';
import { jobIds, SCORE_BATCH, scoreJobs } from '../../shared/queue/index.ts';

const ORPHAN_AGE_MS = 60_000;

export async function scheduleTick(deps: Pick<IngestDeps, 'db' | 'queues' | 'log'>, now = new Date()): Promise<{ feeds: number; orphans: number }> {
  const due = await dueFeeds(deps.db, now);
  await deps.queues.addBulk(
    'fetch-feed',
    due.map((f) => ({ data: { feedId: f.id, reason: 'schedule' as const }, jobId: jobIds.scheduledFetch(f.id, f.next_check_at) })),
  );
  const orphans = await unscoredArticleIds(deps.db, new Date(now.getTime() - ORPHAN_AGE_MS), 20 * SCORE_BATCH);
  await deps.queues.addBulk('score-articles', scoreJobs(orphans, 're'));
  if (due.length || orphans.length) deps.log.debug({ due: due.length, orphans: orphans.length }, 'scheduler tick');
  return { feeds: due.length, orphans: orphans.length };
}
