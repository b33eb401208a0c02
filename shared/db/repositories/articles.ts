// Articles: stored once per dedup key. (Grouping into stories is the score stage's: stories.ts.)
import { sql } from 'kysely';
import { batchRows, type BatchRow } from '../../feeds/batch.ts';
import type { NormalisedItem } from '../../feeds/types.ts';
import type { Db } from '../index.ts';
import { compiledOnce } from '../prepared.ts';

export interface InsertOutcome {
  newIds: number[];
  duplicates: number;
}

/**
 * Stores a feed's items in one statement: items already stored (same key, same GUID in the feed,
 * same URL) are skipped by ON CONFLICT, so a re-poll, a retry or two racing workers store each article
 * once. Rows are inserted in feed order, so ids follow it, as callers expect.
 */
export async function insertItems(db: Db, feedId: number, langHint: string | null, items: NormalisedItem[], fetchedAt: Date): Promise<InsertOutcome> {
  if (items.length === 0) return { newIds: [], duplicates: 0 };
  const params: InsertParams = { rows: JSON.stringify(batchRows(feedId, items)), feedId, langHint, fetchedAt };
  const { rows } = await db.executeQuery(compiledInsert(db, params));
  const newIds = rows.map((r) => Number(r.id)).sort((a, c) => a - c);
  return { newIds, duplicates: items.length - newIds.length };
}

type InsertParams = {
  /** JSON array of BatchRow. */
  rows: string;
  feedId: number;
  langHint: string | null;
  fetchedAt: Date;
};

// The statement's text never changes (the batch travels in parameters): compiled once per process.
const compiledInsert = compiledOnce(
  (db: Db, p: InsertParams) =>
    db
      .insertInto('articles')
      .columns(['feed_id', 'dedup_key', 'guid', 'url', 'title', 'summary', 'content', 'author', 'lang_hint', 'published_at', 'published_from_feed', 'fetched_at'])
      .expression((eb) =>
        eb
          // The rows as one JSON parameter: JSON.stringify is native, where binding text arrays escapes
          // every element in JavaScript (the largest client-side cost of the insert before).
          .selectFrom(
            sql<BatchRow>`json_to_recordset(${p.rows}::json)`.as<'i'>(
              sql`i(dedup_key text, guid text, url text, title text, summary text, content text, author text, published_at timestamptz, published_from_feed boolean, ord int4)`,
            ),
          )
          .select([
            sql<number>`${p.feedId}::int4`.as('feed_id'),
            'i.dedup_key',
            'i.guid',
            'i.url',
            'i.title',
            'i.summary',
            'i.content',
            'i.author',
            sql<string | null>`${p.langHint}::text`.as('lang_hint'),
            'i.published_at',
            'i.published_from_feed',
            sql<Date>`${p.fetchedAt}::timestamptz`.as('fetched_at'),
          ])
          .orderBy('i.ord'),
      )
      .onConflict((oc) => oc.doNothing())
      .returning('articles.id'),
  { named: true },
);

export async function getArticlesForScoring(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('articles')
    .innerJoin('feeds', 'feeds.id', 'articles.feed_id')
    .select([
      'articles.id',
      'articles.title',
      'articles.summary',
      'articles.content',
      'articles.lang_hint',
      'articles.published_at',
      'articles.fetched_at',
      'articles.story_id',
      'feeds.region_kato',
      'feeds.lang as feed_lang',
    ])
    .where('articles.id', 'in', ids)
    .orderBy('articles.id')
    .execute();
}

export interface ArticleFilter {
  district?: string;
  region?: string;
  lang?: string;
  minScore?: number;
  from?: Date;
  to?: Date;
  feedId?: number;
  limit: number;
  cursor?: { published: Date; id: number } | null;
}

export function encodeCursor(published: Date, id: number): string {
  return Buffer.from(`${published.toISOString()}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { published: Date; id: number } | null {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const published = new Date(iso ?? '');
  const n = Number(id);
  if (Number.isNaN(published.getTime()) || !Number.isInteger(n)) return null;
  return { published, id: n };
}

/** Newest first; keyset pagination on (published_at, id). */
export async function listArticles(db: Db, f: ArticleFilter) {
  let q = db
    .selectFrom('articles')
    .innerJoin('feeds', 'feeds.id', 'articles.feed_id')
    .leftJoin('analyses', 'analyses.article_id', 'articles.id')
    .leftJoin('stories', 'stories.id', 'articles.story_id')
    .select([
      'articles.id',
      'articles.url',
      'articles.title',
      'articles.published_at',
      'articles.story_id',
      'stories.report_count',
      'feeds.id as feed_id',
      'feeds.url as feed_url',
      'feeds.title as feed_title',
      'feeds.outlet as feed_outlet',
      'analyses.result',
      'analyses.engine_version',
      'articles.lang_hint',
    ]);
  if (f.district) q = q.where('analyses.district_kato', '=', f.district);
  if (f.region) q = q.where('analyses.region_kato', '=', f.region);
  if (f.lang) q = q.where('analyses.lang', '=', f.lang);
  if (f.minScore !== undefined) q = q.where('analyses.score', '>=', f.minScore);
  if (f.from) q = q.where('articles.published_at', '>=', f.from);
  if (f.to) q = q.where('articles.published_at', '<', f.to);
  if (f.feedId !== undefined) q = q.where('articles.feed_id', '=', f.feedId);
  if (f.cursor) {
    const c = f.cursor;
    q = q.where((eb) =>
      eb.or([eb('articles.published_at', '<', c.published), eb.and([eb('articles.published_at', '=', c.published), eb('articles.id', '<', c.id)])]),
    );
  }
  const rows = await q.orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc').limit(f.limit + 1).execute();
  const page = rows.slice(0, f.limit);
  const nextCursor = rows.length > f.limit ? encodeCursor(page[page.length - 1]!.published_at, Number(page[page.length - 1]!.id)) : null;
  return { rows: page, nextCursor };
}

/** Ids of stored articles, oldest first, for re-scoring. */
export async function articleIdsSince(db: Db, since: Date | null, afterId: number, limit: number): Promise<number[]> {
  let q = db.selectFrom('articles').select('id').where('id', '>', afterId);
  if (since) q = q.where('published_at', '>=', since);
  const rows = await q.orderBy('id').limit(limit).execute();
  return rows.map((r) => Number(r.id));
}

export async function countArticlesSince(db: Db, since: Date | null): Promise<number> {
  let q = db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n'));
  if (since) q = q.where('published_at', '>=', since);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Articles stored a while ago but never analysed (their worker died between insert and enqueue). */
export async function unscoredArticleIds(db: Db, olderThan: Date, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('articles')
    .leftJoin('analyses', 'analyses.article_id', 'articles.id')
    .select('articles.id')
    .where('analyses.article_id', 'is', null)
    .where('articles.created_at', '<', olderThan)
    .orderBy('articles.id')
    .limit(limit)
    .execute();
  return rows.map((r) => Number(r.id));
}
