// Article texts and items for tests that store articles directly.
import { createHash } from 'node:crypto';
import type { Db } from '../../shared/db/index.ts';
import { groupIntoStories } from '../../shared/db/repositories/stories.ts';
import { storyCandidate } from '../../shared/feeds/stories.ts';
import type { NormalisedItem } from '../../shared/feeds/types.ts';

/**
 * 60 pseudo-words from a seeded hash: texts for different `n` are unrelated, so no two look like one
 * story to the near-duplicate detector (which keys on the first five letters of each word). `edit`
 * replaces the word at that position: a light edit, the same story.
 */
export function pseudoText(n: number, edit = -1): string {
  const words: string[] = [];
  for (let w = 0; w < 60; w++) {
    const h = createHash('sha256').update(w === edit ? `edit:${n}:${w}` : `${n}:${w}`).digest();
    words.push(Array.from(h.subarray(0, 7), (b) => String.fromCharCode(0x430 + (b % 32))).join(''));
  }
  return words.join(' ');
}

/** A feed item named by its URL (guid, url and title), published at `published`. */
export function urlItem(url: string, body: string, published: Date): NormalisedItem {
  return { guid: url, url, title: url, summary: body.slice(0, 200), content: body, author: null, published: published.toISOString(), publishedFromFeed: true };
}

/**
 * What the score worker does first with stored articles: those not in a story yet into stories.
 * Tests that store analyses directly call it where the worker would. Returns how many were grouped.
 */
export async function groupStored(db: Db, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db.selectFrom('articles').select(['id', 'title', 'summary', 'content', 'fetched_at']).where('id', 'in', ids).where('story_id', 'is', null).execute();
  return groupIntoStories(db, rows.map(storyCandidate));
}
