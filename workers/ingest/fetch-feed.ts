// One poll of one feed: fetch (guarded, conditional), parse, store new articles, enqueue their
// scoring, and move the feed's schedule. Every outcome is recorded in fetch_log; a failure is a
// result here, not an exception, so the queue never retries what the feed's own backoff handles.
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import type { Config } from '../../shared/config/index.ts';
import type { Db } from '../../shared/db/index.ts';
import { findFeed, recordFetch, type FeedStateUpdate, type FetchRecord } from '../../shared/db/repositories/feeds.ts';
import { insertItems } from '../../shared/db/repositories/articles.ts';
import { acquireHostLease, releaseHostLease } from '../../shared/db/repositories/leases.ts';
import { FetchError, guardedFetch } from '../../shared/feeds/guarded-fetch.ts';
import { parseFeed } from '../../shared/feeds/parse.ts';
import { nextPollDelay, shouldDisable } from '../../shared/feeds/schedule.ts';
import { extractMainText } from '../../shared/feeds/fulltext.ts';
import { decodeBody } from '../../shared/feeds/decode.ts';
import type { AllowList } from '../../shared/feeds/net-guard.ts';
import { scoreJobs, type Queues } from '../../shared/queue/index.ts';
import { sql } from 'kysely';

export interface IngestDeps {
  db: Db;
  queues: Queues;
  config: Config;
  log: Logger;
  allow: AllowList;
  /** Identifies this process in host leases. */
  holder: string;
}

export interface FetchSummary {
  feedId: number;
  url: string;
  outcome: FetchRecord['outcome'] | 'skipped';
  status: number | null;
  items: number;
  new: number;
  duplicates: number;
  articleIds: number[];
  error?: { code: string; kind: string; message: string };
}

function errorInfo(err: unknown): { code: string; kind: 'temporary' | 'permanent'; message: string; status: number | null; retryAfterMs: number | null } {
  const e = err as Partial<FetchError> & Error;
  const kind = e?.kind === 'permanent' ? 'permanent' : 'temporary';
  return {
    code: typeof e?.code === 'string' ? e.code : 'internal',
    kind,
    message: e?.message ?? String(err),
    status: typeof e?.status === 'number' ? e.status : null,
    retryAfterMs: typeof e?.retryAfterMs === 'number' ? e.retryAfterMs : null,
  };
}

export async function fetchFeed(deps: IngestDeps, feedId: number, job?: Job): Promise<FetchSummary> {
  const { db, config, log, allow } = deps;
  const feed = await findFeed(db, feedId);
  if (!feed || !feed.enabled) {
    return { feedId, url: feed?.url ?? '', outcome: 'skipped', status: null, items: 0, new: 0, duplicates: 0, articleIds: [] };
  }
  const host = new URL(feed.url).host;
  const leaseMs = config.fetch.timeoutMs + 5000;
  // One fetch per host at a time across all workers: wait for the lease (it expires by itself if its
  // holder died), so politeness never depends on the queue's retry timing.
  const waitUntil = Date.now() + 2 * leaseMs;
  while (!(await acquireHostLease(db, host, deps.holder, leaseMs))) {
    if (Date.now() > waitUntil) throw new Error(`host ${host} stayed busy for ${2 * leaseMs} ms`);
    await job?.updateProgress({ waitingForHost: host });
    await new Promise((r) => setTimeout(r, 100 + Math.floor(Math.random() * 150)));
  }
  const startedAt = new Date();
  const t0 = performance.now();
  // The fetch's record releases the lease in the same statement; `finally` releases it only when
  // recording did not happen.
  const lease = { host, holder: deps.holder };
  let released = false;
  const record = async (rec: FetchRecord, state: FeedStateUpdate) => {
    await recordFetch(db, rec, state, lease);
    released = true;
  };
  const recent = (feed.recent_new_counts ?? []) as number[];
  const fetchOpts = {
    allow,
    timeoutMs: config.fetch.timeoutMs,
    connectTimeoutMs: config.fetch.connectTimeoutMs,
    maxBytes: config.fetch.maxBytes,
    maxRedirects: config.fetch.maxRedirects,
    userAgent: config.fetch.userAgent,
  };
  try {
    const res = await guardedFetch(feed.url, { ...fetchOpts, etag: feed.etag, lastModified: feed.last_modified });
    if (res.notModified) {
      const counts = [...recent, 0];
      await record(
        { feedId, startedAt, durationMs: performance.now() - t0, outcome: 'not_modified', httpStatus: res.status, bytes: 0, items: 0, newItems: 0, duplicates: 0, errorCode: null, error: null },
        { nextCheckAt: next(feed.interval_min, counts, 0, null), consecutiveFailures: 0, permanentFailures: 0, recentNewCounts: counts },
      );
      return { feedId, url: feed.url, outcome: 'not_modified', status: res.status, items: 0, new: 0, duplicates: 0, articleIds: [] };
    }
    const parsed = await parseFeed(res.body, { contentType: res.headers['content-type'] ?? null, url: res.url, fetchedAt: startedAt });
    const langHint = feed.lang ?? parsed.language?.slice(0, 2).toLowerCase() ?? null;
    const { newIds, duplicates } = await insertItems(db, feedId, langHint, parsed.items, startedAt);
    if (feed.full_text && newIds.length) await fetchFullTexts(deps, newIds, fetchOpts);
    await deps.queues.addBulk('score-articles', scoreJobs(newIds));
    const counts = [...recent, newIds.length];
    await record(
      {
        feedId,
        startedAt,
        durationMs: performance.now() - t0,
        outcome: 'ok',
        httpStatus: res.status,
        bytes: res.body.length,
        items: parsed.items.length,
        newItems: newIds.length,
        duplicates,
        errorCode: null,
        error: parsed.warnings.length ? `repaired: ${parsed.warnings.join('; ')}` : null,
      },
      {
        nextCheckAt: next(feed.interval_min, counts, 0, null),
        etag: res.headers['etag'] ?? null,
        lastModified: res.headers['last-modified'] ?? null,
        consecutiveFailures: 0,
        permanentFailures: 0,
        recentNewCounts: counts,
        title: parsed.title,
      },
    );
    log.info({ feedId, url: feed.url, items: parsed.items.length, new: newIds.length, duplicates }, 'feed polled');
    return { feedId, url: feed.url, outcome: 'ok', status: res.status, items: parsed.items.length, new: newIds.length, duplicates, articleIds: newIds };
  } catch (err) {
    const e = errorInfo(err);
    const failures = feed.consecutive_failures + 1;
    const permanent = e.kind === 'permanent' ? feed.permanent_failures + 1 : 0;
    const disable = shouldDisable(permanent) ? `disabled after ${permanent} permanent failures; last: ${e.code}: ${e.message}` : null;
    const outcome = e.kind === 'permanent' ? 'permanent_error' : 'temporary_error';
    await record(
      { feedId, startedAt, durationMs: performance.now() - t0, outcome, httpStatus: e.status, bytes: 0, items: 0, newItems: 0, duplicates: 0, errorCode: e.code, error: e.message },
      {
        nextCheckAt: next(feed.interval_min, recent, failures, { kind: e.kind, retryAfterMs: e.retryAfterMs }),
        consecutiveFailures: failures,
        permanentFailures: permanent,
        recentNewCounts: recent,
        disable,
      },
    );
    log.warn({ feedId, url: feed.url, code: e.code, kind: e.kind, err: e.message, disabled: Boolean(disable) }, 'feed poll failed');
    return { feedId, url: feed.url, outcome, status: e.status, items: 0, new: 0, duplicates: 0, articleIds: [], error: { code: e.code, kind: e.kind, message: e.message } };
  } finally {
    if (!released) await releaseHostLease(db, host, deps.holder).catch(() => {});
  }
}

function next(baseIntervalMin: number, recentNewItemCounts: number[], consecutiveFailures: number, lastError: { kind: 'temporary' | 'permanent'; retryAfterMs: number | null } | null): Date {
  const delay = nextPollDelay({ baseIntervalMin, recentNewItemCounts, consecutiveFailures, lastError: lastError ?? undefined });
  return new Date(Date.now() + delay);
}

/** Teaser-only feeds: fetch each new article's page (same guard and limits) and keep its main text. */
async function fetchFullTexts(deps: IngestDeps, ids: number[], fetchOpts: NonNullable<Parameters<typeof guardedFetch>[1]>): Promise<void> {
  const rows = await deps.db.selectFrom('articles').select(['id', 'url']).where('id', 'in', ids).execute();
  for (const row of rows) {
    if (!row.url) continue;
    try {
      const page = await guardedFetch(row.url, { ...fetchOpts, maxBytes: Math.min(fetchOpts.maxBytes ?? 5e6, 5 * 1024 * 1024) });
      const html = decodeBody(page.body, page.headers['content-type'] ?? null).text;
      const main = extractMainText(html, page.url);
      if (main && main.text.length > 200) {
        await deps.db
          .updateTable('articles')
          .set({ content: main.text })
          .where('id', '=', Number(row.id))
          .where(sql<boolean>`length(content) < ${main.text.length}`)
          .execute();
      }
    } catch (err) {
      deps.log.info({ articleId: row.id, url: row.url, err: (err as Error).message }, 'full text not fetched; keeping the feed text');
    }
  }
}
