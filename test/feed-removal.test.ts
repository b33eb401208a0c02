// Removing a feed (DELETE /v1/feeds/:id and `bitim feeds remove`) takes its articles out of the
// per-unit daily counters and out of their stories' report counts, in the same transaction.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../services/api/app.ts';
import { openRuntime, type Runtime } from '../services/runtime.ts';
import type { AnalysisResult } from '../shared/analysis/types.ts';
import { saveAnalysis } from '../shared/db/repositories/analyses.ts';
import { insertItems } from '../shared/db/repositories/articles.ts';
import { addFeeds } from '../shared/db/repositories/feeds.ts';
import { createApiKey } from '../shared/db/repositories/keys.ts';
import { groupStored, pseudoText, urlItem } from './helpers/articles.ts';
import { testConfig } from './helpers/env.ts';

const R1 = { kato: '100000000', name: 'Abay Region' };
const D1 = { kato: '103200000', name: 'Abay District' };
const D2 = { kato: '103400000', name: 'Aqsuat District' };
const R2 = { kato: '750000000', name: 'Almaty' };
const D3 = { kato: '751310000', name: 'Auezov District' };
const DAY1 = '2026-11-20';
const DAY2 = '2026-11-21';
const AT = new Date('2026-11-21T12:00:00Z');

const item = (url: string, body: string) => urlItem(url, body, AT);

function result(id: number, score: number, district: { kato: string; name: string }, region: { kato: string; name: string }): AnalysisResult {
  const label = score >= 0.5 ? 1 : 0;
  return {
    id: String(id),
    lang: 'ru',
    tension: { score, label, severity: label ? 'brawl' : 'none' },
    evidence: [],
    places: [{ kato: district.kato, name: district.name, level: 'district', confidence: 0.9 }],
    district,
    region,
  };
}

describe('removing a feed', () => {
  let rt: Runtime;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let admin: string;

  /** unit_daily as {"day|kato": counters}. */
  async function counters() {
    const rows = await rt.db.selectFrom('unit_daily').select(['day', 'kato', 'level', 'articles', 'stories', 'flagged', 'flagged_stories', 'score_sum', 'score_max']).execute();
    return Object.fromEntries(rows.map((r) => [`${r.day}|${r.kato}`, { level: r.level, articles: r.articles, stories: r.stories, flagged: r.flagged, flagged_stories: r.flagged_stories, score_sum: Number(r.score_sum.toFixed(4)), score_max: Number(r.score_max.toFixed(4)) }]));
  }

  /** The same counters computed afresh from the analyses and articles that exist. */
  async function countersFromRows() {
    const rows = await rt.db
      .selectFrom('analyses')
      .innerJoin('articles', 'articles.id', 'analyses.article_id')
      .select(['analyses.day', 'analyses.district_kato', 'analyses.region_kato', 'analyses.score', 'analyses.label', 'articles.story_id', 'articles.id'])
      .execute();
    const acc = new Map<string, { level: string; ids: number[]; stories: Set<number>; flaggedStories: Set<number>; flagged: number; sum: number; max: number }>();
    for (const r of rows) {
      for (const [kato, level] of [[r.district_kato, 'district'], [r.region_kato, 'region']] as const) {
        if (!kato) continue;
        const key = `${r.day}|${kato}`;
        const a = acc.get(key) ?? { level, ids: [], stories: new Set(), flaggedStories: new Set(), flagged: 0, sum: 0, max: 0 };
        const story = r.story_id ?? -r.id;
        a.ids.push(r.id);
        a.stories.add(story);
        if (r.label === 1) {
          a.flagged++;
          a.flaggedStories.add(story);
        }
        a.sum += r.score;
        a.max = Math.max(a.max, r.score);
        acc.set(key, a);
      }
    }
    return Object.fromEntries(
      [...acc].map(([k, a]) => [k, { level: a.level, articles: a.ids.length, stories: a.stories.size, flagged: a.flagged, flagged_stories: a.flaggedStories.size, score_sum: Number(a.sum.toFixed(4)), score_max: Number(a.max.toFixed(4)) }]),
    );
  }

  /** A feed with analysed articles: [text number, score, district, region, day] per article. */
  async function seedFeed(url: string, articles: Array<[number, number, typeof D1, typeof R1, string]>) {
    const { added } = await addFeeds(rt.db, [{ url, lang: 'ru' }]);
    const feedId = added[0]!.id;
    const { newIds } = await insertItems(rt.db, feedId, 'ru', articles.map(([n], i) => item(`${url}/${i}`, pseudoText(n))), AT);
    expect(newIds).toHaveLength(articles.length);
    await groupStored(rt.db, newIds);
    for (const [i, id] of newIds.entries()) {
      const [, score, district, region, day] = articles[i]!;
      await saveAnalysis(rt.db, id, result(id, score, district, region), 'test', day);
    }
    return { feedId, ids: newIds };
  }

  const storyOf = async (articleId: number) =>
    rt.db.selectFrom('articles').innerJoin('stories', 'stories.id', 'articles.story_id').select(['stories.id', 'stories.report_count']).where('articles.id', '=', articleId).executeTakeFirstOrThrow();

  beforeAll(async () => {
    const t = await testConfig('postgres');
    cleanup = t.cleanup;
    env = t.env;
    rt = await openRuntime(t.config);
    app = await buildApp(rt, { logger: false });
    admin = (await createApiKey(rt.db, 'admin', 'test admin')).key;
  });

  afterAll(async () => {
    await app?.close();
    await rt?.close();
    await cleanup?.();
  });

  it('DELETE /v1/feeds/:id recomputes the counters its analyses counted in, from the remaining rows', async () => {
    // X: to be removed. Its first article and Y's first are one story; D2 and DAY2 only have X's articles.
    const x = await seedFeed('https://x.example.kz/rss', [
      [1, 0.9, D1, R1, DAY1],
      [2, 0.2, D1, R1, DAY1],
      [3, 0.6, D2, R1, DAY1],
      [4, 0.4, D1, R1, DAY2],
    ]);
    const y = await seedFeed('https://y.example.kz/rss', [
      [1, 0.7, D1, R1, DAY1],
      [5, 0.1, D1, R1, DAY1],
      [6, 0.8, D3, R2, DAY1],
    ]);
    const shared = await storyOf(y.ids[0]!);
    expect(shared.id).toBe((await storyOf(x.ids[0]!)).id);
    expect(shared.report_count).toBe(2);
    const before = await counters();
    expect(before).toEqual(await countersFromRows());
    expect(before[`${DAY1}|${D1.kato}`]).toMatchObject({ articles: 4, flagged: 2, stories: 3, flagged_stories: 1 });
    const untouched = before[`${DAY1}|${D3.kato}`];

    const res = await app.inject({ method: 'DELETE', url: `/v1/feeds/${x.feedId}`, headers: { authorization: `Bearer ${admin}` } });
    expect(res.statusCode).toBe(204);

    const after = await counters();
    expect(after).toEqual(await countersFromRows());
    expect(after[`${DAY1}|${D1.kato}`]).toEqual({ level: 'district', articles: 2, stories: 2, flagged: 1, flagged_stories: 1, score_sum: 0.8, score_max: 0.7 });
    expect(after[`${DAY1}|${R1.kato}`]).toMatchObject({ level: 'region', articles: 2, flagged: 1 });
    // Keys only the removed feed counted in are gone, not left at their old values or zeroed.
    expect(after[`${DAY1}|${D2.kato}`]).toBeUndefined();
    expect(after[`${DAY2}|${D1.kato}`]).toBeUndefined();
    expect(after[`${DAY2}|${R1.kato}`]).toBeUndefined();
    expect(after[`${DAY1}|${D3.kato}`]).toEqual(untouched);
    expect((await storyOf(y.ids[0]!)).report_count).toBe(1);
    const left = await rt.db.selectFrom('articles').select('id').where('feed_id', '=', x.feedId).execute();
    expect(left).toEqual([]);

    const again = await app.inject({ method: 'DELETE', url: `/v1/feeds/${x.feedId}`, headers: { authorization: `Bearer ${admin}` } });
    expect(again.statusCode).toBe(404);
  });

  it('`bitim feeds remove` does the same', async () => {
    const z = await seedFeed('https://z.example.kz/rss', [
      [7, 0.95, D3, R2, DAY1],
      [8, 0.3, D2, R1, DAY2],
    ]);
    const before = await counters();
    expect(before[`${DAY1}|${D3.kato}`]!.articles).toBe(2);
    expect(before[`${DAY2}|${D2.kato}`]!.articles).toBe(1);

    const child = spawn(process.execPath, ['bin/bitim.mjs', 'feeds', 'remove', String(z.feedId), '--json'], {
      env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (err += d));
    const code = await new Promise((r) => child.once('exit', r));
    expect(code, err).toBe(0);
    expect(JSON.parse(out.trim())).toMatchObject({ status: 'removed', id: z.feedId });

    const after = await counters();
    expect(after).toEqual(await countersFromRows());
    expect(after[`${DAY1}|${D3.kato}`]).toMatchObject({ articles: 1, flagged: 1, score_max: 0.8 });
    expect(after[`${DAY2}|${D2.kato}`]).toBeUndefined();
  });
});
