// A feed's items as the rows the article store inserts: one per dedup key, each with its story
// fingerprint, bands and in-batch story group. Pure: the repository only sends the result, as one
// JSON parameter, to the statement that stores it.
import { createHash } from 'node:crypto';
import type { ArticlesTable } from '../db/schema.ts';
import { fingerprintBands, storyFingerprint, storyGroups } from './fingerprint.ts';
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
export type BatchRow = Pick<ArticlesTable, 'dedup_key' | 'guid' | 'url' | 'title' | 'summary' | 'content' | 'author' | 'published_from_feed' | 'fingerprint'> & {
  published_at: string;
  /** 1-based position of the item's in-batch group founder (see storyGroups). */
  grp: number;
  /** 1-based position in the batch (feed order). */
  ord: number;
  /** The fingerprint's bands, comma-separated (band strings hold no commas). */
  bands: string;
};

/** One row per dedup key (the first occurrence wins), with fingerprint, bands and story group. */
export function batchRows(feedId: number, items: NormalisedItem[]): BatchRow[] {
  const byKey = new Map<string, NormalisedItem>();
  for (const item of items) {
    const key = dedupKey(feedId, item);
    if (!byKey.has(key)) byKey.set(key, item);
  }
  const rows: BatchRow[] = [];
  for (const [key, item] of byKey) {
    const fingerprint = storyFingerprint(item.title, item.content || item.summary);
    const ord = rows.length + 1;
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
      fingerprint,
      grp: ord,
      ord,
      bands: fingerprintBands(fingerprint).join(','),
    });
  }
  const groups = storyGroups(rows.map((r) => r.fingerprint));
  rows.forEach((r, i) => (r.grp = groups[i]! + 1));
  return rows;
}
