// Feeds and their polling state. The database owns the schedule: next_check_at, validators and
// failure counters live on the feed row; every attempt is appended to fetch_log.
import { sql } from 'kysely';
import type { Db } from '../index.ts';
import type { Feed } from '../schema.ts';
import { compiledOnce } from '../prepared.ts';
import { recomputeCounters } from './analyses.ts';

export interface FeedInput {
  url: string;
  lang?: string | null;
  regionKato?: string | null;
  intervalMin?: number;
  fullText?: boolean;
  title?: string | null;
  outlet?: string | null;
  source?: 'user' | 'starter' | 'import';
  /** When the scheduler first polls it (default: at its next tick). */
  firstCheckAt?: Date;
}

export interface FeedHealth {
  fetches24h: number;
  failures24h: number;
  newItems24h: number;
  lastOutcome: string | null;
  lastErrorCode: string | null;
}

export type FeedWithHealth = Feed & { health: FeedHealth; articleCount: number };

export async function addFeeds(db: Db, inputs: FeedInput[]): Promise<{ added: Feed[]; existing: string[] }> {
  if (inputs.length === 0) return { added: [], existing: [] };
  const added = await db
    .insertInto('feeds')
    .values(
      inputs.map((f) => ({
        url: f.url,
        lang: f.lang ?? null,
        region_kato: f.regionKato ?? null,
        interval_min: f.intervalMin ?? 15,
        full_text: f.fullText ?? false,
        title: f.title ?? null,
        outlet: f.outlet ?? null,
        source: f.source ?? 'user',
        ...(f.firstCheckAt ? { next_check_at: f.firstCheckAt } : {}),
      })),
    )
    .onConflict((oc) => oc.column('url').doNothing())
    .returningAll()
    .execute();
  const addedUrls = new Set(added.map((f) => f.url));
  return { added, existing: inputs.map((f) => f.url).filter((u) => !addedUrls.has(u)) };
}

export async function findFeed(db: Db, idOrUrl: string | number): Promise<Feed | undefined> {
  const asId = typeof idOrUrl === 'number' ? idOrUrl : /^\d+$/.test(idOrUrl) ? Number(idOrUrl) : null;
  const { rows } = await db.executeQuery(asId !== null ? feedById(db, { id: asId }) : feedByUrl(db, { url: String(idOrUrl) }));
  return rows[0];
}

// Every poll starts by reading its feed: compiled once per process (see prepared.ts).
const feedById = compiledOnce((db: Db, p: { id: number }) => db.selectFrom('feeds').selectAll().where('id', '=', p.id));
const feedByUrl = compiledOnce((db: Db, p: { url: string }) => db.selectFrom('feeds').selectAll().where('url', '=', p.url));

/**
 * Removes a feed with its articles, their analyses and fetch log (ON DELETE CASCADE), and in the same
 * transaction recomputes the district/region daily counters those analyses counted in, from the rows
 * that remain, and takes the articles out of their stories' report counts.
 */
export async function removeFeed(db: Db, id: number): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const feed = await tx.selectFrom('feeds').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!feed) return false;
    // Locking the feed's articles waits out a score batch that is storing analyses for them and keeps
    // any other from starting (its foreign-key check needs a share lock on the article): the analyses
    // read next are then all there will be.
    await tx.selectFrom('articles').select('id').where('feed_id', '=', id).forUpdate().execute();
    const countedIn = await tx
      .selectFrom('analyses')
      .innerJoin('articles', 'articles.id', 'analyses.article_id')
      .where('articles.feed_id', '=', id)
      .select(['analyses.day', 'analyses.district_kato', 'analyses.region_kato'])
      .distinct()
      .execute();
    await tx
      .with('reports', (qc) =>
        qc
          .selectFrom('articles')
          .where('feed_id', '=', id)
          .where('story_id', 'is not', null)
          .groupBy('story_id')
          .select((eb) => ['story_id', eb.cast<number>(eb.fn.countAll(), 'integer').as('n')]),
      )
      // Stories locked in id order, as the score stage's grouping statement locks them: no deadlock between the two.
      .with('locked', (qc) =>
        qc.selectFrom('stories as s').innerJoin('reports as r', 'r.story_id', 's.id').select(['s.id', 'r.n']).orderBy('s.id').forUpdate(['s']),
      )
      .updateTable('stories')
      .from('locked')
      .set((eb) => ({ report_count: eb.fn<number>('greatest', [eb('stories.report_count', '-', eb.ref('locked.n')), eb.lit(0)]) }))
      .whereRef('stories.id', '=', 'locked.id')
      .execute();
    await tx.deleteFrom('feeds').where('id', '=', id).execute();
    await recomputeCounters(tx, countedIn.map((r) => ({ ...r, day: String(r.day) })));
    return true;
  });
}

export async function countFeeds(db: Db): Promise<number> {
  const row = await db.selectFrom('feeds').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listFeedsWithHealth(db: Db, now = new Date()): Promise<FeedWithHealth[]> {
  const since = new Date(now.getTime() - 24 * 3600 * 1000);
  const feeds = await db.selectFrom('feeds').selectAll().orderBy('id').execute();
  const stats = await db
    .selectFrom('fetch_log')
    .where('started_at', '>=', since)
    .groupBy('feed_id')
    .select((eb) => [
      'feed_id',
      eb.fn.countAll<number>().as('fetches'),
      eb.fn.sum<number>(sql`case when outcome in ('temporary_error','permanent_error') then 1 else 0 end`).as('failures'),
      eb.fn.sum<number>('new_items').as('new_items'),
    ])
    .execute();
  const last = await db
    .selectFrom('fetch_log')
    .distinctOn('feed_id')
    .select(['feed_id', 'outcome', 'error_code'])
    .orderBy('feed_id')
    .orderBy('started_at', 'desc')
    .execute();
  const counts = await db
    .selectFrom('articles')
    .groupBy('feed_id')
    .select((eb) => ['feed_id', eb.fn.countAll<number>().as('n')])
    .execute();
  const byFeed = new Map(stats.map((s) => [s.feed_id, s]));
  const lastByFeed = new Map(last.map((l) => [l.feed_id, l]));
  const countByFeed = new Map(counts.map((c) => [c.feed_id, Number(c.n)]));
  return feeds.map((f) => {
    const s = byFeed.get(f.id);
    const l = lastByFeed.get(f.id);
    return {
      ...f,
      articleCount: countByFeed.get(f.id) ?? 0,
      health: {
        fetches24h: Number(s?.fetches ?? 0),
        failures24h: Number(s?.failures ?? 0),
        newItems24h: Number(s?.new_items ?? 0),
        lastOutcome: l?.outcome ?? null,
        lastErrorCode: l?.error_code ?? null,
      },
    };
  });
}

export async function dueFeeds(db: Db, now: Date, limit = 500): Promise<Array<Pick<Feed, 'id' | 'next_check_at'>>> {
  return db
    .selectFrom('feeds')
    .select(['id', 'next_check_at'])
    .where('enabled', '=', true)
    .where('next_check_at', '<=', now)
    .orderBy('next_check_at')
    .limit(limit)
    .execute();
}

// A type alias, not an interface, so it fits compiledOnce's Record<string, unknown> parameters.
export type FetchRecord = {
  feedId: number;
  startedAt: Date;
  durationMs: number;
  outcome: 'ok' | 'not_modified' | 'temporary_error' | 'permanent_error';
  httpStatus: number | null;
  bytes: number;
  items: number;
  newItems: number;
  duplicates: number;
  errorCode: string | null;
  error: string | null;
};

export interface FeedStateUpdate {
  nextCheckAt: Date;
  etag?: string | null;
  lastModified?: string | null;
  consecutiveFailures: number;
  permanentFailures: number;
  recentNewCounts: number[];
  disable?: string | null;
  title?: string | null;
}

/**
 * Append the attempt to fetch_log and move the feed's schedule — and, when given, release the host
 * lease the fetch held — in one statement: one round trip, one transaction.
 */
export async function recordFetch(db: Db, rec: FetchRecord, state: FeedStateUpdate, release?: { host: string; holder: string }): Promise<void> {
  const ok = rec.outcome === 'ok' || rec.outcome === 'not_modified';
  const error = rec.error?.slice(0, 2000) ?? null;
  await db.executeQuery(
    record(db, {
      feedId: rec.feedId,
      startedAt: rec.startedAt,
      durationMs: Math.round(rec.durationMs),
      outcome: rec.outcome,
      httpStatus: rec.httpStatus,
      bytes: rec.bytes,
      items: rec.items,
      newItems: rec.newItems,
      duplicates: rec.duplicates,
      errorCode: rec.errorCode,
      error,
      nextCheckAt: state.nextCheckAt,
      lastError: ok ? null : error,
      consecutiveFailures: state.consecutiveFailures,
      permanentFailures: state.permanentFailures,
      recentNewCounts: JSON.stringify(state.recentNewCounts.slice(-20)),
      successAt: ok ? rec.startedAt : null,
      newItemsAt: rec.newItems > 0 ? rec.startedAt : null,
      setEtag: state.etag !== undefined,
      etag: state.etag ?? null,
      setLastModified: state.lastModified !== undefined,
      lastModified: state.lastModified ?? null,
      title: state.title || null,
      disable: state.disable || null,
      releaseHost: release?.host ?? null,
      releaseHolder: release?.holder ?? null,
    }),
  );
}

// Once per poll: compiled once per process (see prepared.ts), so every optional change is a value —
// null (or false) leaves the column as it is — rather than a column left out of the statement.
const record = compiledOnce(
  (
    db: Db,
    p: FetchRecord & {
      nextCheckAt: Date;
      lastError: string | null;
      consecutiveFailures: number;
      permanentFailures: number;
      recentNewCounts: string;
      successAt: Date | null;
      newItemsAt: Date | null;
      setEtag: boolean;
      etag: string | null;
      setLastModified: boolean;
      lastModified: string | null;
      title: string | null;
      disable: string | null;
      releaseHost: string | null;
      releaseHolder: string | null;
    },
  ) =>
    db
      .with('logged', (qc) =>
        qc
          .insertInto('fetch_log')
          .values({
            feed_id: p.feedId,
            started_at: p.startedAt,
            duration_ms: p.durationMs,
            outcome: p.outcome,
            http_status: p.httpStatus,
            bytes: p.bytes,
            items: p.items,
            new_items: p.newItems,
            duplicates: p.duplicates,
            error_code: p.errorCode,
            error: p.error,
          })
          .returning('fetch_log.id'),
      )
      // No lease to release: host = NULL matches no row.
      .with('released', (qc) =>
        qc.deleteFrom('host_leases').where('host_leases.host', '=', p.releaseHost!).where('host_leases.holder', '=', p.releaseHolder!).returning('host_leases.host'),
      )
      .updateTable('feeds')
      .set({
        next_check_at: p.nextCheckAt,
        last_checked_at: p.startedAt,
        last_status: p.outcome,
        last_error: p.lastError,
        consecutive_failures: p.consecutiveFailures,
        permanent_failures: p.permanentFailures,
        recent_new_counts: p.recentNewCounts,
        last_success_at: sql<Date>`coalesce(${p.successAt}::timestamptz, last_success_at)`,
        last_new_items_at: sql<Date>`coalesce(${p.newItemsAt}::timestamptz, last_new_items_at)`,
        etag: sql<string | null>`case when ${p.setEtag}::boolean then ${p.etag}::text else etag end`,
        last_modified: sql<string | null>`case when ${p.setLastModified}::boolean then ${p.lastModified}::text else last_modified end`,
        title: sql<string | null>`coalesce(title, ${p.title}::text)`,
        enabled: sql<boolean>`case when ${p.disable}::text is null then enabled else false end`,
        disabled_reason: sql<string | null>`coalesce(${p.disable}::text, disabled_reason)`,
      })
      .where('id', '=', p.feedId),
  { named: true },
);

export async function setFeedEnabled(db: Db, id: number, enabled: boolean): Promise<void> {
  await db
    .updateTable('feeds')
    .set({ enabled, disabled_reason: null, consecutive_failures: 0, permanent_failures: 0, next_check_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function recentFetches(db: Db, feedId: number, limit = 20) {
  return db.selectFrom('fetch_log').selectAll().where('feed_id', '=', feedId).orderBy('started_at', 'desc').limit(limit).execute();
}
