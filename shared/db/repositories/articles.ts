// Articles: stored once per dedup key, grouped into stories of syndicated copies.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { NormalisedItem } from '../../feeds/types.ts';
import { fingerprintBands, isSameStory, storyFingerprint } from '../../feeds/fingerprint.ts';
import type { Db } from '../index.ts';

/** One key per article: its canonical URL, else the feed's GUID, else a hash of its text. */
export function dedupKey(feedId: number, item: NormalisedItem): string {
  if (item.url) return `u:${item.url}`;
  if (item.guid) return `g:${feedId}:${item.guid}`;
  const h = createHash('sha1').update(`${item.title}\n${item.summary}\n${item.content}`).digest('hex');
  return `h:${feedId}:${h}`;
}

export interface InsertOutcome {
  newIds: number[];
  duplicates: number;
}

const STORY_WINDOW_MS = 3 * 24 * 3600 * 1000;

/**
 * Insert new items in one statement; items already stored (same key, same GUID in the feed, same URL)
 * are skipped by ON CONFLICT, so a re-poll, a retry or two racing workers store each article once.
 * New articles are then attached to a story (syndicated copies of one event share a story).
 */
export async function insertItems(db: Db, feedId: number, langHint: string | null, items: NormalisedItem[], fetchedAt: Date): Promise<InsertOutcome> {
  const rows = new Map<string, NormalisedItem>();
  for (const item of items) {
    const key = dedupKey(feedId, item);
    if (!rows.has(key)) rows.set(key, item);
  }
  if (rows.size === 0) return { newIds: [], duplicates: items.length };
  const fingerprints = new Map<string, string>();
  for (const [key, item] of rows) fingerprints.set(key, storyFingerprint(item.title, item.content || item.summary));
  const inserted = await db
    .insertInto('articles')
    .values(
      [...rows].map(([key, item]) => ({
        feed_id: feedId,
        dedup_key: key,
        guid: item.guid,
        url: item.url,
        title: item.title,
        summary: item.summary,
        content: item.content,
        author: item.author,
        lang_hint: langHint,
        published_at: item.published,
        published_from_feed: item.publishedFromFeed,
        fetched_at: fetchedAt,
        fingerprint: fingerprints.get(key)!,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .returning(['id', 'fingerprint'])
    .execute();
  await attachStories(db, inserted.map((r) => ({ id: Number(r.id), fingerprint: r.fingerprint })), fetchedAt);
  const newIds = inserted.map((r) => Number(r.id)).sort((a, b) => a - b);
  return { newIds, duplicates: items.length - newIds.length };
}

/**
 * Groups new articles with recent stories whose fingerprint is within the same-story distance, in a
 * handful of statements per batch: one candidate lookup by fingerprint band, one insert of new stories.
 */
async function attachStories(db: Db, articles: Array<{ id: number; fingerprint: string }>, at: Date): Promise<void> {
  if (articles.length === 0) return;
  const allBands = [...new Set(articles.flatMap((a) => fingerprintBands(a.fingerprint)))];
  const known = await db
    .selectFrom('story_bands')
    .innerJoin('stories', 'stories.id', 'story_bands.story_id')
    .select(['stories.id', 'stories.fingerprint'])
    .where('story_bands.band', 'in', allBands)
    .where('stories.first_seen_at', '>=', new Date(at.getTime() - STORY_WINDOW_MS))
    .distinct()
    .execute();
  const existing = known.map((k) => ({ id: Number(k.id), fingerprint: k.fingerprint }));
  // Within the batch, the first article of a new story founds it; later copies join it.
  const founders: Array<{ fingerprint: string; members: number[] }> = [];
  const joins = new Map<number, number[]>(); // existing story id -> article ids
  for (const a of articles) {
    const hit = existing.find((e) => isSameStory(e.fingerprint, a.fingerprint));
    if (hit) {
      joins.set(hit.id, [...(joins.get(hit.id) ?? []), a.id]);
      continue;
    }
    const founder = founders.find((f) => isSameStory(f.fingerprint, a.fingerprint));
    if (founder) founder.members.push(a.id);
    else founders.push({ fingerprint: a.fingerprint, members: [a.id] });
  }
  for (const [storyId, ids] of joins) {
    await db.updateTable('stories').set({ report_count: sql`report_count + ${ids.length}` }).where('id', '=', storyId).execute();
    await db.updateTable('articles').set({ story_id: storyId }).where('id', 'in', ids).execute();
  }
  if (founders.length === 0) return;
  const created = await db
    .insertInto('stories')
    .values(founders.map((f) => ({ fingerprint: f.fingerprint, first_seen_at: at, report_count: f.members.length })))
    .returning(['id', 'fingerprint'])
    .execute();
  // Match created rows back by fingerprint rather than trusting RETURNING's order.
  const idsByFingerprint = new Map<string, number[]>();
  for (const c of created) idsByFingerprint.set(c.fingerprint, [...(idsByFingerprint.get(c.fingerprint) ?? []), Number(c.id)]);
  const bandRows: Array<{ band: string; story_id: number }> = [];
  const storyOf = new Map<number, number>(); // article id -> story id
  for (const f of founders) {
    const storyId = idsByFingerprint.get(f.fingerprint)!.shift()!;
    for (const band of fingerprintBands(f.fingerprint)) bandRows.push({ band, story_id: storyId });
    for (const id of f.members) storyOf.set(id, storyId);
  }
  await db.insertInto('story_bands').values(bandRows).onConflict((oc) => oc.doNothing()).execute();
  const pairs = [...storyOf];
  await db
    .updateTable('articles')
    .set((eb) => {
      let c = eb.case().when('id', '=', pairs[0]![0]).then(pairs[0]![1]);
      for (const [id, story] of pairs.slice(1)) c = c.when('id', '=', id).then(story);
      return { story_id: c.end() };
    })
    .where('id', 'in', pairs.map(([id]) => id))
    .execute();
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
