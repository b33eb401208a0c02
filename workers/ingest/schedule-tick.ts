// The scheduler's tick: enqueue a fetch for every feed that is due. The job id names the feed and
// its due time, so overlapping ticks (or several ingest processes) never enqueue the same poll twice.
import type { IngestDeps } from './fetch-feed.ts';
import { dueFeeds } from '../../shared/db/repositories/feeds.ts';
import { jobIds } from '../../shared/queue/index.ts';

export async function scheduleTick(deps: Pick<IngestDeps, 'db' | 'queues' | 'log'>, now = new Date()): Promise<number> {
  const due = await dueFeeds(deps.db, now);
  await deps.queues.addBulk(
    'fetch-feed',
    due.map((f) => ({ data: { feedId: f.id, reason: 'schedule' as const }, jobId: jobIds.scheduledFetch(f.id, f.next_check_at) })),
  );
  if (due.length) deps.log.debug({ due: due.length }, 'scheduled due feeds');
  return due.length;
}
