// `bitim ingest --once`: poll now through the queue and wait until every new article is scored.
// Runs its own ingest and score workers for the duration (other running workers may share the work).
import { randomUUID } from 'node:crypto';
import type { Config } from '../../shared/config/index.ts';
import { analysedCount } from '../../shared/db/repositories/analyses.ts';
import { findFeed } from '../../shared/db/repositories/feeds.ts';
import { jobIds } from '../../shared/queue/index.ts';
import { openRuntime, startRoles } from '../../services/runtime.ts';
import type { FetchSummary } from '../../workers/ingest/fetch-feed.ts';
import { createOut } from '../output.ts';
import { UsageError } from './usage-error.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function ingestCommand(config: Config, values: { once?: boolean; feed?: string; json?: boolean; timeout?: string }): Promise<number> {
  if (!values.once) throw new UsageError('usage: bitim ingest --once [--feed <id|url>]  (continuous ingestion is `bitim start` or `bitim worker ingest`)');
  const out = createOut(Boolean(values.json));
  const timeoutMs = (values.timeout ? Number(values.timeout) : 600) * 1000;
  const rt = await openRuntime(config);
  const running = await startRoles(rt, ['ingest', 'score']);
  try {
    let feeds: Array<{ id: number; url: string }>;
    if (values.feed) {
      const f = await findFeed(rt.db, values.feed);
      if (!f) throw new UsageError(`no feed ${values.feed}; see bitim feeds list`);
      feeds = [{ id: f.id, url: f.url }];
    } else {
      feeds = await rt.db.selectFrom('feeds').select(['id', 'url']).where('enabled', '=', true).orderBy('id').execute();
    }
    if (!feeds.length) {
      out.info('no enabled feeds to poll');
      return 0;
    }
    const runId = randomUUID().slice(0, 8);
    const queue = rt.queues.queue('ingest');
    const ids = feeds.map((f) => jobIds.manualFetch(f.id, runId));
    await rt.queues.addBulk('fetch-feed', feeds.map((f, i) => ({ data: { feedId: f.id, reason: 'manual' as const }, jobId: ids[i]! })));
    const deadline = Date.now() + timeoutMs;
    const summaries = new Map<string, FetchSummary>();
    while (summaries.size < ids.length && Date.now() < deadline) {
      for (const id of ids) {
        if (summaries.has(id)) continue;
        const job = await queue.getJob(id);
        const state = job ? await job.getState() : 'unknown';
        if (state === 'completed' && job) summaries.set(id, job.returnvalue as FetchSummary);
        else if (state === 'failed' && job) {
          const feed = feeds[ids.indexOf(id)]!;
          summaries.set(id, { feedId: feed.id, url: feed.url, outcome: 'temporary_error', status: null, items: 0, new: 0, duplicates: 0, articleIds: [], error: { code: 'internal', kind: 'temporary', message: job.failedReason ?? 'job failed' } });
        }
      }
      out.progress(summaries.size, ids.length, 'polling feeds');
      if (summaries.size < ids.length) await sleep(150);
    }
    out.done();
    const articleIds = [...summaries.values()].flatMap((s) => s.articleIds ?? []);
    let scored = await analysedCount(rt.db, articleIds);
    while (scored < articleIds.length && Date.now() < deadline) {
      out.progress(scored, articleIds.length, 'scoring new articles');
      await sleep(150);
      scored = await analysedCount(rt.db, articleIds);
    }
    out.progress(scored, articleIds.length, 'scoring new articles');
    out.done();
    let failed = 0;
    for (const s of summaries.values()) {
      if (s.error) failed++;
      out.record(
        { feedId: s.feedId, url: s.url, outcome: s.outcome, status: s.status, items: s.items, new: s.new, duplicates: s.duplicates, error: s.error ?? null },
        s.error
          ? `#${s.feedId} failed (${s.error.kind}, ${s.error.code}): ${s.error.message}`
          : `#${s.feedId} ${s.outcome}: ${s.items} items, ${s.new} new, ${s.duplicates} duplicate  ${s.url}`,
      );
    }
    const total = {
      feeds: feeds.length,
      fetched: [...summaries.values()].filter((s) => s.outcome === 'ok' || s.outcome === 'not_modified').length,
      failed,
      new: articleIds.length,
      duplicates: [...summaries.values()].reduce((n, s) => n + s.duplicates, 0),
      scored,
      timedOut: summaries.size < ids.length || scored < articleIds.length,
    };
    out.record({ summary: total }, `done: ${total.fetched}/${total.feeds} feeds fetched, ${total.failed} failed, ${total.new} new articles (${total.scored} scored), ${total.duplicates} duplicates`);
    return total.timedOut ? 1 : 0;
  } finally {
    await running.stop();
    await rt.close();
  }
}
