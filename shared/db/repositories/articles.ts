// Articles: stored once per dedup key, grouped into stories of syndicated copies.
import { sql, type Expression } from 'kysely';
import { batchRows, type BatchRow } from '../../feeds/batch.ts';
import { SAME_STORY_MAX_DISTANCE } from '../../feeds/fingerprint.ts';
import type { NormalisedItem } from '../../feeds/types.ts';
import type { Db } from '../index.ts';
import { compiledOnce } from '../prepared.ts';

export interface InsertOutcome {
  newIds: number[];
  duplicates: number;
}

const STORY_WINDOW_MS = 3 * 24 * 3600 * 1000;

/** Bits in which two stored fingerprints (16 hex digits) differ. */
const fingerprintDistance = (a: Expression<string>, b: Expression<string>) =>
  sql<number>`bit_count(('x' || ${a})::bit(64) # ('x' || ${b})::bit(64))`;

/**
 * Stores a feed's items and groups the new ones into stories, in one statement (one round trip, one
 * transaction):
 *   - items already stored (same key, same GUID in the feed, same URL) are skipped by ON CONFLICT, so a
 *     re-poll, a retry or two racing workers store each article once;
 *   - copies of one story within the batch form a group (greedy, in feed order, computed beforehand);
 *     a group joins the recent story nearest to any of its members — candidates come from the band
 *     index, the real distance is checked in SQL — or else founds a story whose id is reserved up front,
 *     so each article is inserted with its story already set;
 *   - only groups with at least one inserted article create a story (with their first inserted member's
 *     fingerprint and bands); joined stories' report counts grow by the articles actually inserted.
 * Rows are inserted in feed order (ids follow it, as callers expect), and joined stories are locked in
 * id order only after every row is inserted, so two batches cannot deadlock over stories; re-polls of
 * one feed meet their common items in the same relative order.
 */
export async function insertItems(db: Db, feedId: number, langHint: string | null, items: NormalisedItem[], fetchedAt: Date): Promise<InsertOutcome> {
  if (items.length === 0) return { newIds: [], duplicates: 0 };
  const params: InsertParams = {
    rows: JSON.stringify(batchRows(feedId, items)),
    feedId,
    langHint,
    fetchedAt,
    since: new Date(fetchedAt.getTime() - STORY_WINDOW_MS),
  };
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
  since: Date;
};

// The statement's text never changes (the batch travels in parameters): compiled once per process.
const compiledInsert = compiledOnce(insertStatement, { named: true });

function insertStatement(db: Db, p: InsertParams) {
  return db
    // The rows as one JSON parameter: JSON.stringify is native, where binding text arrays escapes every
    // element in JavaScript (the largest client-side cost of the insert before).
    .with('input', (qc) =>
      qc
        .selectFrom(
          sql<BatchRow>`json_to_recordset(${p.rows}::json)`.as<'t'>(
            sql`t(dedup_key text, guid text, url text, title text, summary text, content text, author text, published_at timestamptz, published_from_feed boolean, fingerprint text, grp int4, ord int4, bands text)`,
          ),
        )
        .selectAll(),
    )
    .with('input_bands', (qc) =>
      qc
        .selectFrom('input as i')
        .crossJoin(sql<{ band: string }>`unnest(string_to_array(i.bands, ','))`.as<'b'>(sql`b(band)`))
        .select(['i.ord', 'b.band']),
    )
    // Per group, the recent story nearest to any member (ties: the earlier member, then the older story).
    .with('matched', (qc) =>
      qc
        .selectFrom('input as i')
        .innerJoin('input_bands as ib', 'ib.ord', 'i.ord')
        .innerJoin('story_bands as sb', 'sb.band', 'ib.band')
        .innerJoin('stories as s', 's.id', 'sb.story_id')
        .where('s.first_seen_at', '>=', p.since)
        .where(fingerprintDistance(sql.ref('s.fingerprint'), sql.ref('i.fingerprint')), '<=', SAME_STORY_MAX_DISTANCE)
        .distinctOn('i.grp')
        .select(['i.grp', 's.id as story_id'])
        .orderBy('i.grp')
        .orderBy(fingerprintDistance(sql.ref('s.fingerprint'), sql.ref('i.fingerprint')))
        .orderBy('i.ord')
        .orderBy('s.id'),
    )
    // Groups that found a story: its id, reserved now (nextval makes this CTE evaluate once).
    .with('fresh_groups', (qc) =>
      qc
        .selectFrom('input as i')
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('matched as m').select('m.grp').whereRef('m.grp', '=', 'i.grp'))))
        .select(['i.grp', sql<number>`nextval(pg_get_serial_sequence('stories', 'id'))`.as('story_id')])
        .groupBy('i.grp'),
    )
    .with('ins', (qc) =>
      qc
        .insertInto('articles')
        .columns([
          'feed_id', 'dedup_key', 'guid', 'url', 'title', 'summary', 'content', 'author', 'lang_hint',
          'published_at', 'published_from_feed', 'fetched_at', 'fingerprint', 'story_id',
        ])
        .expression((eb) =>
          eb
            .selectFrom('input as i')
            .leftJoin('matched as m', 'm.grp', 'i.grp')
            .leftJoin('fresh_groups as f', 'f.grp', 'i.grp')
            .select((e) => [
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
              'i.fingerprint',
              e.fn.coalesce('m.story_id', 'f.story_id').as('story_id'),
            ])
            .orderBy('i.ord'),
        )
        .onConflict((oc) => oc.doNothing())
        .returning(['articles.id', 'articles.dedup_key', 'articles.story_id']),
    )
    // New stories: per reserved id that got articles, the first inserted member (in feed order) founds it.
    .with('founders', (qc) =>
      qc
        .selectFrom('ins')
        .innerJoin('input as i', 'i.dedup_key', 'ins.dedup_key')
        .where('ins.story_id', 'in', (eb) => eb.selectFrom('fresh_groups').select('fresh_groups.story_id'))
        .distinctOn('ins.story_id')
        .select((eb) => ['ins.story_id', 'i.fingerprint', 'i.ord', eb.fn.countAll<number>().over((ob) => ob.partitionBy('ins.story_id')).as('n')])
        .orderBy('ins.story_id')
        .orderBy('i.ord'),
    )
    .with('new_stories', (qc) =>
      qc
        .insertInto('stories')
        .columns(['id', 'fingerprint', 'first_seen_at', 'report_count'])
        .expression((eb) =>
          eb.selectFrom('founders as f').select(['f.story_id', 'f.fingerprint', sql<Date>`${p.fetchedAt}::timestamptz`.as('first_seen_at'), sql<number>`f.n::int4`.as('report_count')]),
        )
        .returning('stories.id'),
    )
    .with('new_bands', (qc) =>
      qc
        .insertInto('story_bands')
        .columns(['band', 'story_id'])
        .expression((eb) => eb.selectFrom('founders as f').innerJoin('input_bands as ib', 'ib.ord', 'f.ord').select(['ib.band', 'f.story_id']))
        .onConflict((oc) => oc.doNothing())
        .returning('story_bands.story_id'),
    )
    // Joined stories: the aggregate reads all of `ins` before the first lock is taken.
    .with('joined', (qc) =>
      qc
        .selectFrom('ins')
        .where('ins.story_id', 'in', (eb) => eb.selectFrom('matched').select('matched.story_id'))
        .groupBy('ins.story_id')
        .select((eb) => ['ins.story_id', eb.cast<number>(eb.fn.countAll(), 'integer').as('n')]),
    )
    .with('locked', (qc) =>
      qc.selectFrom('stories as s').innerJoin('joined as j', 'j.story_id', 's.id').select(['s.id', 'j.n']).orderBy('s.id').forUpdate(['s']),
    )
    .with('bumped', (qc) =>
      qc
        .updateTable('stories')
        .from('locked as l')
        .set((eb) => ({ report_count: eb('stories.report_count', '+', eb.ref('l.n')) }))
        .whereRef('stories.id', '=', 'l.id')
        .returning('stories.id'),
    )
    .selectFrom('ins')
    .select('ins.id');
}

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
