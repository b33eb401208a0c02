// The score stage groups syndicated copies into stories in one statement: copies within a batch,
// copies of stories already stored, re-polls, retried jobs and racing workers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../services/runtime.ts';
import { insertItems } from '../shared/db/repositories/articles.ts';
import { addFeeds } from '../shared/db/repositories/feeds.ts';
import { groupIntoStories } from '../shared/db/repositories/stories.ts';
import { isSameStory, storyFingerprint } from '../shared/feeds/fingerprint.ts';
import { storyCandidate } from '../shared/feeds/stories.ts';
import { groupStored, pseudoText, urlItem } from './helpers/articles.ts';
import { testConfig } from './helpers/env.ts';

const AT = new Date('2026-11-21T12:00:00Z');

const item = (url: string, body: string) => urlItem(url, body, AT);

describe('stories', () => {
  let rt: Runtime;
  let cleanup: () => Promise<void>;

  async function feed(url: string): Promise<number> {
    return (await addFeeds(rt.db, [{ url }])).added[0]!.id;
  }

  const group = (ids: number[]) => groupStored(rt.db, ids);

  /** Stores a feed's items and groups them, as ingest and then scoring do. */
  async function store(feedId: number, items: ReturnType<typeof item>[], at = AT) {
    const out = await insertItems(rt.db, feedId, 'ru', items, at);
    await group(out.newIds);
    return out;
  }

  async function storyOf(ids: number[]): Promise<Array<number | null>> {
    const rows = await rt.db.selectFrom('articles').select(['id', 'story_id']).where('id', 'in', ids).orderBy('id').execute();
    return rows.map((r) => (r.story_id === null ? null : Number(r.story_id)));
  }

  /** Every story's report count equals the articles that point at it; every story has its bands. */
  async function expectConsistent() {
    const stories = await rt.db.selectFrom('stories').select(['id', 'report_count']).execute();
    const members = await rt.db.selectFrom('articles').where('story_id', 'is not', null).groupBy('story_id').select((eb) => ['story_id', eb.fn.countAll<number>().as('n')]).execute();
    const byStory = new Map(members.map((m) => [Number(m.story_id), Number(m.n)]));
    for (const s of stories) expect({ story: s.id, reports: s.report_count }).toEqual({ story: s.id, reports: byStory.get(Number(s.id)) ?? 0 });
    const bands = await rt.db.selectFrom('story_bands').groupBy('story_id').select((eb) => ['story_id', eb.fn.countAll<number>().as('n')]).execute();
    expect(bands.length).toBe(stories.length);
    const orphans = await rt.db.selectFrom('articles').select('id').where('story_id', 'is', null).execute();
    expect(orphans).toEqual([]);
  }

  beforeAll(async () => {
    const t = await testConfig('postgres');
    cleanup = t.cleanup;
    rt = await openRuntime(t.config);
  });

  afterAll(async () => {
    await rt?.close();
    await cleanup?.();
  });

  it('the test texts: an edited copy is the same story, other texts are not', () => {
    expect(isSameStory(storyFingerprint('', pseudoText(1)), storyFingerprint('', pseudoText(1, 7)))).toBe(true);
    expect(isSameStory(storyFingerprint('', pseudoText(1)), storyFingerprint('', pseudoText(2)))).toBe(false);
  });

  it('groups copies within a batch and joins copies of stored stories', async () => {
    const a = await feed('https://a.example.kz/rss');
    const first = await store(a, [item('https://a.example.kz/1', pseudoText(1)), item('https://a.example.kz/2', pseudoText(2)), item('https://a.example.kz/3', pseudoText(1, 7))]);
    expect(first.newIds).toHaveLength(3);
    const [s1, s2, s3] = await storyOf(first.newIds);
    expect(s1).not.toBeNull();
    expect(s3).toBe(s1);
    expect(s2).not.toBe(s1);

    const b = await feed('https://b.example.kz/rss');
    const second = await store(b, [item('https://b.example.kz/1', pseudoText(3)), item('https://b.example.kz/2', pseudoText(1, 11)), item('https://b.example.kz/3', pseudoText(2, 3))]);
    const [t1, t2, t3] = await storyOf(second.newIds);
    expect(t2).toBe(s1);
    expect(t3).toBe(s2);
    expect([s1, s2]).not.toContain(t1);
    const counts = await rt.db.selectFrom('stories').select(['id', 'report_count']).where('id', 'in', [s1!, s2!, t1!]).orderBy('id').execute();
    expect(counts.map((c) => c.report_count)).toEqual([3, 2, 1]);
    await expectConsistent();
  });

  it('a re-poll stores nothing and counts nothing twice', async () => {
    const a = (await rt.db.selectFrom('feeds').select('id').where('url', '=', 'https://a.example.kz/rss').executeTakeFirstOrThrow()).id;
    const again = await store(a, [item('https://a.example.kz/1', pseudoText(1)), item('https://a.example.kz/2', pseudoText(2)), item('https://a.example.kz/3', pseudoText(1, 7))]);
    expect(again).toEqual({ newIds: [], duplicates: 3 });
    // A retried score job groups nothing a second time.
    const ids = (await rt.db.selectFrom('articles').select('id').where('feed_id', '=', a).execute()).map((r) => Number(r.id));
    const rows = await rt.db.selectFrom('articles').select(['id', 'title', 'summary', 'content', 'fetched_at']).where('id', 'in', ids).execute();
    expect(await groupIntoStories(rt.db, rows.map(storyCandidate))).toBe(0);
    await expectConsistent();
  });

  it('stories older than the window are not joined', async () => {
    const c = await feed('https://c.example.kz/rss');
    const old = await store(c, [item('https://c.example.kz/1', pseudoText(40))], new Date(AT.getTime() - 10 * 86_400_000));
    const fresh = await store(c, [item('https://c.example.kz/2', pseudoText(40, 5))]);
    const [o] = await storyOf(old.newIds);
    const [f] = await storyOf(fresh.newIds);
    expect(f).not.toBe(o);
    await expectConsistent();
  });

  it('racing workers store each article once and group it once: one story per event, consistent counts', async () => {
    const d = await feed('https://d.example.kz/rss');
    const e = await feed('https://e.example.kz/rss');
    // Two feeds carrying copies of the same stories, each polled by several workers at once.
    const batch = (host: string, edit: number) => Array.from({ length: 12 }, (_, i) => item(`https://${host}/${i}`, pseudoText(100 + (i % 4), i < 4 ? -1 : edit + i)));
    const polls = await Promise.all([
      ...Array.from({ length: 3 }, () => insertItems(rt.db, d, 'ru', batch('d.example.kz', 20), AT)),
      ...Array.from({ length: 3 }, () => insertItems(rt.db, e, 'ru', batch('e.example.kz', 40), AT)),
    ]);
    const stored = polls.flatMap((p) => p.newIds);
    expect(stored).toHaveLength(24);
    expect(new Set(stored).size).toBe(24);
    // Score workers race too: each feed's batch grouped twice at once, both feeds at the same time.
    const grouped = await Promise.all(polls.flatMap((p) => [group(p.newIds), group(p.newIds)]));
    expect(grouped.reduce((a, b) => a + b, 0)).toBe(24);
    const stories = await rt.db.selectFrom('articles').where('id', 'in', stored).select('story_id').distinct().execute();
    expect(stories).toHaveLength(4); // copies of four events, whichever worker saw them first
    await expectConsistent();
  });
});
