// A feed's items as the rows the article store inserts: one per dedup key, in feed order. Pure: the
// repository only sends the result, as one JSON parameter, to the statement that stores it.
import { createHash } from 'node:crypto';
import type { ArticlesTable } from '../db/schema.ts';
import type { NormalisedItem } from './types.ts';

/** One key per article: its canonical URL, else the feed's GUID, else a hash of its text. */
export function dedupKey(feedId: number, item: NormalisedItem): string {
  if (item.url) return `u:${item.url}`;
  if (item.guid) return `g:${feedId}:${item.guid}`;
  const h = createHash('sha1').update(`${item.title}\n${item.summary}\n${item.content}`).digest('hex');
  return `h:${feedId}:${h}`;
}

/**
 * One row of a batch, named as the columns it becomes; the column types come from the schema, the
 * timestamp as the ISO string JSON carries.
 */
export type BatchRow = Pick<ArticlesTable, 'dedup_key' | 'guid' | 'url' | 'title' | 'summary' | 'content' | 'author' | 'published_from_feed'> & {
  published_at: string;
  /** 1-based position in the batch (feed order). */
  ord: number;
};

/** One row per dedup key (the first occurrence wins), numbered in feed order. */
export function batchRows(feedId: number, items: NormalisedItem[]): BatchRow[] {
  const seen = new Set<string>();
  const rows: BatchRow[] = [];
  for (const item of items) {
    const key = dedupKey(feedId, item);
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({
      dedup_key: key,
      guid: item.guid,
      url: item.url,
      title: item.title,
      summary: item.summary,
      content: item.content,
      author: item.author,
      published_at: item.published,
      published_from_feed: item.publishedFromFeed,
      ord: rows.length + 1,
    });
  }
  return rows;
}
