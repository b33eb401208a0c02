// The HTTP API against a real PostgreSQL database: auth and roles, validation and error shapes,
// feeds, article filters and keyset pagination, district counters, OpenAPI, the analysis engine.
import { Writable } from 'node:stream';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { buildApp } from '../services/api/app.ts';
import { installAuth, KeyVerifier } from '../services/api/plugins/auth.ts';
import { openRuntime, type Runtime } from '../services/runtime.ts';
import { listUnits } from '../shared/analysis/geo/index.ts';
import type { AnalysisResult, Severity } from '../shared/analysis/types.ts';
import type { Database } from '../shared/db/schema.ts';
import { saveAnalysis } from '../shared/db/repositories/analyses.ts';
import { insertItems } from '../shared/db/repositories/articles.ts';
import { addFeeds, recordFetch } from '../shared/db/repositories/feeds.ts';
import { createApiKey } from '../shared/db/repositories/keys.ts';
import type { NormalisedItem } from '../shared/feeds/types.ts';
import { kzDay } from '../shared/time.ts';
import { groupStored, pseudoText } from './helpers/articles.ts';
import { testConfig } from './helpers/env.ts';

type App = Awaited<ReturnType<typeof buildApp>>;

// Two districts of Abay region and one district of Almaty city.
const ABAY = { kato: '100000000', name: 'Abay Region' };
const ABAY_DISTRICT = { kato: '103200000', name: 'Abay District' };
const AKSUAT = { kato: '103400000', name: 'Aqsuat District' };
const ALMATY = { kato: '750000000', name: 'Almaty' };
const AUEZOV = { kato: '751310000', name: 'Auezov District' };

const T0 = Date.parse('2026-11-20T12:00:00Z');
const HOUR = 3600_000;
const ENGINE = 'test-engine-1';

function item(url: string, title: string, text: string, published: number): NormalisedItem {
  return { guid: url, url, title, summary: text.slice(0, 200), content: text, author: null, published: new Date(published).toISOString(), publishedFromFeed: true };
}

function severityOf(score: number): Severity {
  return score >= 0.8 ? 'group_clash' : score >= 0.5 ? 'brawl' : 'none';
}

function analysis(id: number, lang: 'ru' | 'kk', score: number, district: { kato: string; name: string }, region: { kato: string; name: string }): AnalysisResult {
  const label = score >= 0.5 ? 1 : 0;
  return {
    id: String(id),
    lang,
    tension: { score, label, severity: severityOf(score) },
    evidence: label ? [{ type: 'violence', text: 'драка', sentence: 1, weight: 0.4 }] : [],
    places: [{ kato: district.kato, name: district.name, level: 'district', confidence: 0.9 }],
    district,
    region,
  };
}

interface Seeded {
  id: number;
  feedId: number;
  published: number;
  scored: boolean;
  lang: string | null;
  score: number | null;
  district: string | null;
  region: string | null;
}

describe('HTTP API (PostgreSQL)', () => {
  let rt: Runtime;
  let app: App;
  let cleanup: () => Promise<void>;
  const keys = { viewer: '', analyst: '', admin: '' };
  const seeded: Seeded[] = [];
  let feedA: number;
  let feedB: number;
  let syndicated: number[] = [];

  const get = (url: string, key: string | null = keys.viewer) => app.inject({ method: 'GET', url, headers: key ? { authorization: `Bearer ${key}` } : {} });

  /** Newest first, ties broken by id: the order the API promises. */
  const expectedOrder = (rows: Seeded[]) => [...rows].sort((a, b) => b.published - a.published || b.id - a.id).map((r) => r.id);

  async function allPages(query: string, limit: number): Promise<{ ids: number[]; pages: number }> {
    const ids: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(`/v1/articles?${query}${query ? '&' : ''}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: Array<{ id: number }>; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(limit);
      ids.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
      pages++;
      expect(pages).toBeLessThan(100);
    } while (cursor);
    return { ids, pages };
  }

  beforeAll(async () => {
    const t = await testConfig('postgres');
    cleanup = t.cleanup;
    rt = await openRuntime(t.config);
    for (const role of ['viewer', 'analyst', 'admin'] as const) keys[role] = (await createApiKey(rt.db, role, `test ${role}`)).key;
    app = await buildApp(rt, { logger: false });

    const { added } = await addFeeds(rt.db, [
      { url: 'https://abay.example.kz/rss', lang: 'ru', regionKato: ABAY.kato, title: 'Abay news', outlet: 'Abay Info' },
      { url: 'https://almaty.example.kz/rss', lang: 'kk', regionKato: ALMATY.kato, title: null, outlet: 'Almaty Outlet' },
    ]);
    feedA = added[0]!.id;
    feedB = added[1]!.id;

    // Feed A: 24 articles, two per timestamp (ties on published_at), 2 h apart, reaching back past
    // the start of the Kazakhstan day 2026-11-20 (2026-11-19T19:00Z). Two of every three scored.
    const aItems = Array.from({ length: 24 }, (_, i) => item(`https://abay.example.kz/a/${i}`, `Новость ${i}`, pseudoText(i), T0 - Math.floor(i / 2) * 2 * HOUR));
    const aIns = await insertItems(rt.db, feedA, 'ru', aItems, new Date(T0));
    expect(aIns.newIds).toHaveLength(24);
    await groupStored(rt.db, aIns.newIds);
    for (const [i, id] of aIns.newIds.entries()) {
      const published = T0 - Math.floor(i / 2) * 2 * HOUR;
      const scored = i % 3 !== 2;
      const score = ((i * 37) % 100) / 100;
      const district = i % 2 === 0 ? ABAY_DISTRICT : AKSUAT;
      if (scored) await saveAnalysis(rt.db, id, analysis(id, 'ru', score, district, ABAY), ENGINE, kzDay(new Date(published)));
      seeded.push({ id, feedId: feedA, published, scored, lang: 'ru', score: scored ? score : null, district: scored ? district.kato : null, region: scored ? ABAY.kato : null });
    }
    // Feed B: 6 articles in Kazakh, all scored, Auezov district; the first two are one story.
    const storyText = pseudoText(100);
    const bItems = Array.from({ length: 6 }, (_, i) =>
      item(`https://almaty.example.kz/b/${i}`, i < 2 ? 'Бір оқиға' : `Жаңалық ${i}`, i < 2 ? storyText : pseudoText(200 + i), T0 - i * HOUR - 30 * 60_000),
    );
    const bIns = await insertItems(rt.db, feedB, 'kk', bItems, new Date(T0));
    expect(bIns.newIds).toHaveLength(6);
    await groupStored(rt.db, bIns.newIds);
    syndicated = bIns.newIds.slice(0, 2);
    for (const [i, id] of bIns.newIds.entries()) {
      const published = T0 - i * HOUR - 30 * 60_000;
      const score = 0.9 - i * 0.1;
      await saveAnalysis(rt.db, id, analysis(id, 'kk', score, AUEZOV, ALMATY), ENGINE, kzDay(new Date(published)));
      seeded.push({ id, feedId: feedB, published, scored: true, lang: 'kk', score, district: AUEZOV.kato, region: ALMATY.kato });
    }

    await recordFetch(
      rt.db,
      { feedId: feedA, startedAt: new Date(Date.now() - 60_000), durationMs: 120, outcome: 'ok', httpStatus: 200, bytes: 5000, items: 24, newItems: 24, duplicates: 0, errorCode: null, error: null },
      { nextCheckAt: new Date(Date.now() + 600_000), consecutiveFailures: 0, permanentFailures: 0, recentNewCounts: [24] },
    );
    await recordFetch(
      rt.db,
      { feedId: feedA, startedAt: new Date(), durationMs: 3000, outcome: 'temporary_error', httpStatus: 503, bytes: 0, items: 0, newItems: 0, duplicates: 0, errorCode: 'http_status', error: 'HTTP 503' },
      { nextCheckAt: new Date(Date.now() + 600_000), consecutiveFailures: 1, permanentFailures: 0, recentNewCounts: [24, 0] },
    );
  });

  afterAll(async () => {
    await app?.close();
    await rt?.close();
    await cleanup?.();
  });

  describe('health and docs', () => {
    it('GET /health answers without a key and names each part', async () => {
      const res = await get('/health', null);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ status: 'ok', database: 'ok', queue: 'ok', mode: 'server', queueBackend: 'postgres' });
      expect(typeof body.engineVersion).toBe('string');
    });

    it('GET /health is 503 and names the database when it does not answer', async () => {
      const broken = new Kysely<Database>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/none', connectionTimeoutMillis: 500 }) }),
      });
      const bad = await buildApp({ ...rt, db: broken }, { logger: false });
      try {
        const res = await bad.inject({ url: '/health' });
        expect(res.statusCode).toBe(503);
        expect(res.json()).toMatchObject({ status: 'error', database: 'error', queue: 'ok' });
      } finally {
        await bad.close();
        await broken.destroy();
      }
    });

    it('/docs/json is an OpenAPI 3 document listing every route, with bearer security', async () => {
      const res = await get('/docs/json', null);
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      expect(doc.openapi).toMatch(/^3\./);
      expect(doc.info.title).toBe('Bitim');
      expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(Object.keys(doc.paths).sort()).toEqual(
        ['/health', '/v1/analyze', '/v1/articles', '/v1/districts', '/v1/feeds', '/v1/feeds/{id}', '/v1/feeds/{id}/fetches', '/v1/feeds/{id}/poll'].sort(),
      );
      expect(Object.keys(doc.paths['/v1/feeds']).sort()).toEqual(['get', 'post']);
      expect(doc.paths['/v1/feeds'].post.security).toEqual([{ bearer: [] }]);
      expect(doc.paths['/health'].get.security).toBeUndefined();
      const q = doc.paths['/v1/articles'].get.parameters.map((p: { name: string }) => p.name).sort();
      expect(q).toEqual(['cursor', 'district', 'feed', 'from', 'lang', 'limit', 'minScore', 'region', 'to']);
    });

    it('unknown routes give the JSON error shape', async () => {
      const res = await get('/v1/nothing-here');
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: 'not_found' });
    });
  });

  describe('auth', () => {
    it('401 without a key, with a wrong key and with another scheme', async () => {
      for (const headers of [{}, { authorization: 'Bearer btm_not-a-real-key' }, { authorization: `Basic ${keys.admin}` }]) {
        const res = await app.inject({ url: '/v1/feeds', headers });
        expect(res.statusCode).toBe(401);
        expect(res.json()).toMatchObject({ error: 'unauthorized' });
        expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      }
    });

    it('403 when the role is below the route minimum; 2xx when it is enough', async () => {
      const asViewer = await app.inject({ method: 'POST', url: '/v1/feeds', headers: { authorization: `Bearer ${keys.viewer}` }, payload: { url: 'https://x.example.kz/rss' } });
      expect(asViewer.statusCode).toBe(403);
      expect(asViewer.json()).toMatchObject({ error: 'forbidden' });
      const analystDelete = await app.inject({ method: 'DELETE', url: `/v1/feeds/${feedA}`, headers: { authorization: `Bearer ${keys.analyst}` } });
      expect(analystDelete.statusCode).toBe(403);
      const viewerPoll = await app.inject({ method: 'POST', url: `/v1/feeds/${feedA}/poll`, headers: { authorization: `Bearer ${keys.viewer}` } });
      expect(viewerPoll.statusCode).toBe(403);
      const viewerAnalyze = await app.inject({ method: 'POST', url: '/v1/analyze', headers: { authorization: `Bearer ${keys.viewer}` }, payload: { id: 'x', text: 'текст' } });
      expect(viewerAnalyze.statusCode).toBe(403);
      expect((await get('/v1/feeds', keys.admin)).statusCode).toBe(200);
    });

    it('a revoked key is refused once its cache entry has expired', async () => {
      const { id, key } = await createApiKey(rt.db, 'viewer', 'to revoke');
      const shortCache = await buildApp(rt, { logger: false, keyCacheMs: 50 });
      try {
        const auth = { authorization: `Bearer ${key}` };
        expect((await shortCache.inject({ url: '/v1/feeds', headers: auth })).statusCode).toBe(200);
        await rt.db.updateTable('api_keys').set({ revoked_at: new Date() }).where('id', '=', id).execute();
        await new Promise((r) => setTimeout(r, 100));
        expect((await shortCache.inject({ url: '/v1/feeds', headers: auth })).statusCode).toBe(401);
      } finally {
        await shortCache.close();
      }
    });
  });

  describe('errors and limits', () => {
    it('500s show no details; the details go to the log', async () => {
      const lines: string[] = [];
      const sink = new Writable({
        write(chunk, _enc, cb) {
          lines.push(String(chunk));
          cb();
        },
      });
      const broken = new Kysely<Database>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/none', connectionTimeoutMillis: 500 }) }),
      });
      const bad = await buildApp({ ...rt, db: broken, log: pino({ level: 'error' }, sink) });
      try {
        const res = await bad.inject({ url: '/v1/feeds', headers: { authorization: `Bearer ${keys.viewer}` } });
        expect(res.statusCode).toBe(500);
        expect(res.json()).toEqual({ error: 'internal', message: 'Internal error' });
        expect(res.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
        expect(lines.join('')).toMatch(/ECONNREFUSED/);
      } finally {
        await bad.close();
        await broken.destroy();
      }
    });

    it('bodies over the limit are 413 in the error shape', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/v1/feeds',
        headers: { authorization: `Bearer ${keys.admin}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ url: 'https://big.example.kz/rss', pad: 'x'.repeat(1100 * 1024) }),
      });
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ error: 'payload_too_large' });
    });

    it('a /v1 route that declares no role is refused at start-up', async () => {
      const bare = Fastify();
      installAuth(bare, new KeyVerifier(rt.db));
      expect(() => bare.get('/v1/open', async () => ({ ok: true }))).toThrow(/declares no role/);
      bare.get('/v1/closed', { config: { role: 'viewer' } }, async () => ({ ok: true }));
      await bare.ready();
      expect((await bare.inject({ url: '/v1/closed' })).statusCode).toBe(401);
      await bare.close();
    });

    it('rate limit: per verified key, else per IP (bad keys too); 429 in the error shape; /health exempt', async () => {
      const limited = await buildApp({ ...rt, config: { ...rt.config, api: { ...rt.config.api, rateLimitPerMinute: 3 } } }, { logger: false });
      const call = (key: string) => limited.inject({ url: '/v1/feeds', headers: { authorization: `Bearer ${key}` } });
      try {
        // A key's first request (not verified yet) counts against the client IP: ip 1/3.
        expect((await call(keys.viewer)).statusCode).toBe(200);
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++) statuses.push((await call(keys.viewer)).statusCode);
        expect(statuses).toEqual([200, 200, 200, 429]);
        const over = await call(keys.viewer);
        expect(over.json()).toMatchObject({ error: 'rate_limited' });
        expect(over.headers['retry-after']).toBeDefined();
        // Another key has its own budget (its first request: ip 2/3) …
        expect((await call(keys.admin)).statusCode).toBe(200);
        expect((await call(keys.admin)).statusCode).toBe(200);
        // … made-up keys cannot buy a fresh budget each: ip 3/3, then limited.
        expect((await call('btm_made-up-1')).statusCode).toBe(401);
        expect((await call('btm_made-up-2')).statusCode).toBe(429);
        for (let i = 0; i < 5; i++) expect((await limited.inject({ url: '/health' })).statusCode).toBe(200);
      } finally {
        await limited.close();
      }
    });
  });

  describe('feeds', () => {
    it('GET /v1/feeds lists feeds with polling health and article counts', async () => {
      const res = await get('/v1/feeds');
      expect(res.statusCode).toBe(200);
      const { items } = res.json();
      const a = items.find((f: { id: number }) => f.id === feedA);
      expect(a).toMatchObject({
        url: 'https://abay.example.kz/rss',
        title: 'Abay news',
        outlet: 'Abay Info',
        lang: 'ru',
        region: ABAY.kato,
        enabled: true,
        disabledReason: null,
        lastStatus: 'temporary_error',
        lastError: 'HTTP 503',
        consecutiveFailures: 1,
        articleCount: 24,
        health: { fetches24h: 2, failures24h: 1, newItems24h: 24, lastOutcome: 'temporary_error', lastErrorCode: 'http_status' },
      });
      expect(Number.isNaN(Date.parse(a.nextCheckAt))).toBe(false);
      expect(Number.isNaN(Date.parse(a.lastSuccessAt))).toBe(false);
      const b = items.find((f: { id: number }) => f.id === feedB);
      expect(b).toMatchObject({ articleCount: 6, lastCheckedAt: null, health: { fetches24h: 0, lastOutcome: null } });
    });

    it('GET /v1/feeds/:id/fetches: newest first; 404 for an unknown feed', async () => {
      const res = await get(`/v1/feeds/${feedA}/fetches`);
      expect(res.statusCode).toBe(200);
      const { items } = res.json();
      expect(items.map((f: { outcome: string }) => f.outcome)).toEqual(['temporary_error', 'ok']);
      expect(items[0]).toMatchObject({ httpStatus: 503, errorCode: 'http_status', error: 'HTTP 503', durationMs: 3000 });
      expect((await get(`/v1/feeds/${feedA}/fetches?limit=1`)).json().items).toHaveLength(1);
      expect((await get('/v1/feeds/999999/fetches')).statusCode).toBe(404);
    });

    it('POST /v1/feeds refuses private addresses and non-http(s) URLs, adds a valid one, 409 on a duplicate', async () => {
      const post = (payload: object) => app.inject({ method: 'POST', url: '/v1/feeds', headers: { authorization: `Bearer ${keys.admin}` }, payload });
      for (const url of ['http://10.0.0.1/feed', 'http://169.254.169.254/latest/meta-data', 'http://[fd00::1]/rss']) {
        const res = await post({ url });
        expect(res.statusCode, url).toBe(400);
        expect(res.json().error).toBe('blocked_address');
        expect(res.json().message).toMatch(/url/);
      }
      for (const url of ['ftp://example.kz/feed', 'not a url', 'https://user:pw@example.kz/rss']) {
        const res = await post({ url });
        expect(res.statusCode, url).toBe(400);
        expect(res.json().error).toBe('bad_url');
      }
      const created = await post({ url: 'https://news.example.kz/rss', lang: 'kk', region: ALMATY.kato, intervalMin: 30, fullText: true });
      expect(created.statusCode).toBe(201);
      const feed = created.json();
      expect(feed).toMatchObject({ url: 'https://news.example.kz/rss', lang: 'kk', region: ALMATY.kato, intervalMin: 30, fullText: true, enabled: true, articleCount: 0 });
      expect(feed.health).toEqual({ fetches24h: 0, failures24h: 0, newItems24h: 0, lastOutcome: null, lastErrorCode: null });
      const dup = await post({ url: 'https://news.example.kz/rss' });
      expect(dup.statusCode).toBe(409);
      expect(dup.json()).toMatchObject({ error: 'conflict' });
      expect(dup.json().message).toContain(`id ${feed.id}`);

      const missing = await post({ lang: 'kk' });
      expect(missing.statusCode).toBe(400);
      expect(missing.json()).toMatchObject({ error: 'bad_request' });
      expect(missing.json().message).toMatch(/url/);
      const badInterval = await post({ url: 'https://other.example.kz/rss', intervalMin: 0 });
      expect(badInterval.statusCode).toBe(400);
      expect(badInterval.json().message).toMatch(/intervalMin/);

      const del = await app.inject({ method: 'DELETE', url: `/v1/feeds/${feed.id}`, headers: { authorization: `Bearer ${keys.admin}` } });
      expect(del.statusCode).toBe(204);
      const again = await app.inject({ method: 'DELETE', url: `/v1/feeds/${feed.id}`, headers: { authorization: `Bearer ${keys.admin}` } });
      expect(again.statusCode).toBe(404);
      expect(again.json()).toMatchObject({ error: 'not_found' });
      const badId = await app.inject({ method: 'DELETE', url: '/v1/feeds/abc', headers: { authorization: `Bearer ${keys.admin}` } });
      expect(badId.statusCode).toBe(400);
      expect(badId.json().message).toMatch(/id/);
    });

    it('POST /v1/feeds/:id/poll queues a manual fetch job', async () => {
      const res = await app.inject({ method: 'POST', url: `/v1/feeds/${feedB}/poll`, headers: { authorization: `Bearer ${keys.analyst}` } });
      expect(res.statusCode).toBe(202);
      const { jobId } = res.json();
      expect(jobId).toMatch(new RegExp(`^fetch-${feedB}-manual-[0-9a-f]{12}$`));
      const job = await rt.queues.queue('ingest').getJob(jobId);
      expect(job?.name).toBe('fetch-feed');
      expect(job?.data).toEqual({ feedId: feedB, reason: 'manual' });
      const missing = await app.inject({ method: 'POST', url: '/v1/feeds/999999/poll', headers: { authorization: `Bearer ${keys.analyst}` } });
      expect(missing.statusCode).toBe(404);
      const [disabled] = (await addFeeds(rt.db, [{ url: 'https://disabled.example.kz/rss' }])).added;
      await rt.db.updateTable('feeds').set({ enabled: false, disabled_reason: 'gone (410)' }).where('id', '=', disabled!.id).execute();
      const refused = await app.inject({ method: 'POST', url: `/v1/feeds/${disabled!.id}/poll`, headers: { authorization: `Bearer ${keys.analyst}` } });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ error: 'feed_disabled' });
      expect(refused.json().message).toContain('gone (410)');
      await rt.db.deleteFrom('feeds').where('id', '=', disabled!.id).execute();
    });
  });

  describe('articles', () => {
    it('pages through everything with no duplicates or gaps, in published/id order', async () => {
      const { ids, pages } = await allPages('', 4);
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expectedOrder(seeded));
    });

    it('pages through a filtered list (ties on published_at across page ends)', async () => {
      const { ids, pages } = await allPages(`feed=${feedA}&district=${ABAY_DISTRICT.kato}`, 3);
      const expected = expectedOrder(seeded.filter((s) => s.feedId === feedA && s.district === ABAY_DISTRICT.kato));
      expect(expected.length).toBeGreaterThanOrEqual(7);
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(ids).toEqual(expected);
      // Feed A's articles come in pairs with equal timestamps: with limit 5, page ends split a tie.
      const all = await allPages(`feed=${feedA}`, 5);
      expect(all.ids).toEqual(expectedOrder(seeded.filter((s) => s.feedId === feedA)));
    });

    it('filters by region, lang, minScore and date range', async () => {
      const byRegion = await allPages(`region=${ALMATY.kato}`, 50);
      expect(byRegion.ids).toEqual(expectedOrder(seeded.filter((s) => s.region === ALMATY.kato)));
      const byLang = await allPages('lang=kk', 50);
      expect(byLang.ids).toEqual(expectedOrder(seeded.filter((s) => s.scored && s.lang === 'kk')));
      const byScore = await allPages('minScore=0.5', 50);
      const hot = seeded.filter((s) => s.score !== null && s.score >= 0.5);
      expect(hot.length).toBeGreaterThan(3);
      expect(byScore.ids).toEqual(expectedOrder(hot));

      // A date is a Kazakhstan day: from=2026-11-20 starts at 2026-11-19T19:00Z.
      const dayStart = Date.parse('2026-11-19T19:00:00Z');
      const fromDay = await allPages('from=2026-11-20', 50);
      const inDay = seeded.filter((s) => s.published >= dayStart);
      expect(inDay.length).toBeLessThan(seeded.length);
      expect(fromDay.ids).toEqual(expectedOrder(inDay));
      const toDay = await allPages('to=2026-11-19', 50);
      expect(toDay.ids).toEqual(expectedOrder(seeded.filter((s) => s.published < dayStart)));
      const window = await allPages(`from=${encodeURIComponent('2026-11-20T08:00:00Z')}&to=${encodeURIComponent('2026-11-20T11:00:00+00:00')}`, 50);
      const inWindow = seeded.filter((s) => s.published >= Date.parse('2026-11-20T08:00:00Z') && s.published < Date.parse('2026-11-20T11:00:00Z'));
      expect(inWindow.length).toBeGreaterThan(0);
      expect(window.ids).toEqual(expectedOrder(inWindow));
    });

    it('items carry the analysis, the feed and the story', async () => {
      const res = await get(`/v1/articles?feed=${feedB}&limit=50`);
      const items = res.json().items as Array<Record<string, any>>;
      const first = items.find((i) => i.id === syndicated[0])!;
      expect(first).toMatchObject({
        url: 'https://almaty.example.kz/b/0',
        title: 'Бір оқиға',
        feed: { id: feedB, url: 'https://almaty.example.kz/rss', title: 'Almaty Outlet' },
        lang: 'kk',
        tension: { score: 0.9, label: 1, severity: 'group_clash' },
        evidence: [{ type: 'violence', text: 'драка', sentence: 1, weight: 0.4 }],
        places: [{ kato: AUEZOV.kato, name: AUEZOV.name, level: 'district', confidence: 0.9 }],
        district: AUEZOV,
        region: ALMATY,
        reports: 2,
        engineVersion: ENGINE,
      });
      expect(first.published).toBe(new Date(T0 - 30 * 60_000).toISOString());
      const second = items.find((i) => i.id === syndicated[1])!;
      expect(second.storyId).toBe(first.storyId);
      expect(items.filter((i) => i.storyId === first.storyId)).toHaveLength(2);
      expect(items.find((i) => i.id !== syndicated[0] && i.id !== syndicated[1])!.reports).toBe(1);

      const unscored = seeded.find((s) => !s.scored)!;
      const all = await get(`/v1/articles?feed=${feedA}&limit=200`);
      const u = all.json().items.find((i: { id: number }) => i.id === unscored.id);
      expect(u).toMatchObject({ tension: null, evidence: [], places: [], district: null, region: null, engineVersion: null, lang: 'ru' });
      expect(u.feed.title).toBe('Abay news');
    });

    it('bad query parameters are 400 with a message naming the parameter', async () => {
      const cases: Array<[string, RegExp]> = [
        ['limit=0', /limit/],
        ['limit=201', /limit/],
        ['limit=ten', /limit/],
        ['minScore=1.5', /minScore/],
        ['district=12345', /district/],
        ['region=abc', /region/],
        ['lang=de', /lang/],
        ['from=yesterday', /from/],
        ['to=2026-02-30', /to/],
        ['from=2026-11-20T10:00:00', /from/],
        ['from=2026-11-21&to=2026-11-20', /from/],
        ['feed=0', /feed/],
        ['cursor=not-a-cursor', /cursor/],
      ];
      for (const [query, field] of cases) {
        const res = await get(`/v1/articles?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(res.json().error, query).toBe('bad_request');
        expect(res.json().message, query).toMatch(field);
      }
    });
  });

  describe('districts', () => {
    const districtLevels = new Set(['district', 'city_regional', 'city_district', 'city_republican']);

    it('lists every district-level unit with the day’s counters, zeros when quiet', async () => {
      const res = await get('/v1/districts?day=2026-11-20');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.day).toBe('2026-11-20');
      const expected = listUnits().filter((u) => districtLevels.has(u.level));
      expect(expected.length).toBeGreaterThan(200);
      expect(body.items.map((i: { kato: string }) => i.kato).sort()).toEqual(expected.map((u) => u.kato).sort());

      const auezov = body.items.find((i: { kato: string }) => i.kato === AUEZOV.kato);
      const onDay = seeded.filter((s) => s.district === AUEZOV.kato && kzDay(new Date(s.published)) === '2026-11-20');
      expect(onDay.length).toBe(6);
      const scores = onDay.map((s) => s.score!);
      expect(auezov.level).toBe('city_district');
      expect(auezov.region.kato).toBe(ALMATY.kato);
      expect(auezov.name.en).toMatch(/Auezov/);
      expect(auezov.today.articles).toBe(6);
      expect(auezov.today.stories).toBe(5); // two copies of one story
      expect(auezov.today.flagged).toBe(scores.filter((s) => s >= 0.5).length);
      expect(auezov.today.flaggedStories).toBe(auezov.today.flagged - 1);
      expect(auezov.today.maxScore).toBeCloseTo(0.9, 6);
      expect(auezov.today.meanScore).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / 6, 6);

      const abayDistrict = body.items.find((i: { kato: string }) => i.kato === ABAY_DISTRICT.kato);
      const abayOnDay = seeded.filter((s) => s.district === ABAY_DISTRICT.kato && kzDay(new Date(s.published)) === '2026-11-20');
      expect(abayDistrict.today.articles).toBe(abayOnDay.length);
      expect(abayDistrict.region).toEqual({ kato: ABAY.kato, name: expect.objectContaining({ en: expect.stringMatching(/Abay/) }) });

      const quiet = body.items.find((i: { kato: string }) => i.kato === '104000000');
      expect(quiet.today).toEqual({ articles: 0, stories: 0, flagged: 0, flaggedStories: 0, meanScore: 0, maxScore: 0 });
    });

    it('defaults to today (Kazakhstan time) and filters by region', async () => {
      const today = await get('/v1/districts');
      expect(today.json().day).toBe(kzDay(new Date()));
      const res = await get(`/v1/districts?region=${ABAY.kato}&day=2026-11-20`);
      expect(res.statusCode).toBe(200);
      const items = res.json().items as Array<{ kato: string; region: { kato: string } }>;
      const expected = listUnits().filter((u) => districtLevels.has(u.level) && u.region === ABAY.kato);
      expect(items.map((i) => i.kato).sort()).toEqual(expected.map((u) => u.kato).sort());
      expect(items.some((i) => i.kato === ABAY_DISTRICT.kato)).toBe(true);
      expect(items.every((i) => i.region.kato === ABAY.kato)).toBe(true);
    });

    it('rejects a region code that is not a region, and a malformed day', async () => {
      const notRegion = await get(`/v1/districts?region=${ABAY_DISTRICT.kato}`);
      expect(notRegion.statusCode).toBe(400);
      expect(notRegion.json().message).toMatch(/region/);
      const badDay = await get('/v1/districts?day=20-11-2026');
      expect(badDay.statusCode).toBe(400);
      expect(badDay.json().message).toMatch(/day/);
    });
  });

  describe('POST /v1/analyze', () => {
    const post = (payload: unknown, key = keys.analyst) => app.inject({ method: 'POST', url: '/v1/analyze', headers: { authorization: `Bearer ${key}` }, payload: payload as object });

    it('returns the AnalysisResult shape', async () => {
      const res = await post({
        id: 'sample-1',
        title: 'Массовая драка в Кордайском районе',
        text: 'В селе Масанчи Кордайского района Жамбылской области произошла массовая драка между жителями. Полиция задержала зачинщиков, на место прибыли аким района и представители Ассамблеи народа Казахстана.',
        lang: 'ru',
        feedRegion: '310000000',
      });
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json();
      expect(r.id).toBe('sample-1');
      expect(['kk', 'ru', 'en', 'other']).toContain(r.lang);
      expect(r.tension.score).toBeGreaterThanOrEqual(0);
      expect(r.tension.score).toBeLessThanOrEqual(1);
      expect([0, 1]).toContain(r.tension.label);
      expect(['none', 'quarrel', 'brawl', 'group_clash', 'pogrom', 'killing']).toContain(r.tension.severity);
      expect(Array.isArray(r.evidence)).toBe(true);
      for (const e of r.evidence) expect(Object.keys(e).sort()).toEqual(['sentence', 'text', 'type', 'weight']);
      expect(Array.isArray(r.places)).toBe(true);
      for (const p of r.places) expect(Object.keys(p).sort()).toEqual(['confidence', 'kato', 'level', 'name']);
      for (const unit of [r.district, r.region]) if (unit !== null) expect(Object.keys(unit).sort()).toEqual(['kato', 'name']);
    });

    it('validates the body', async () => {
      const cases: Array<[unknown, RegExp]> = [
        [{ id: 'x' }, /text/],
        [{ id: 'x', text: '' }, /text/],
        [{ id: 'x', text: '   \n ' }, /text/],
        [{ text: 'текст' }, /id/],
        [{ id: 'x', text: 'текст', lang: 'de' }, /lang/],
        [{ id: 'x', text: 'текст', feedRegion: '31' }, /feedRegion/],
        [{ id: 'x', text: 'а'.repeat(200_001) }, /text/],
      ];
      for (const [payload, field] of cases) {
        const res = await post(payload);
        expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
        expect(res.json().error).toBe('bad_request');
        expect(res.json().message).toMatch(field);
      }
      const notJson = await app.inject({ method: 'POST', url: '/v1/analyze', headers: { authorization: `Bearer ${keys.analyst}`, 'content-type': 'application/json' }, payload: '{"id":' });
      expect(notJson.statusCode).toBe(400);
      expect(notJson.json().error).toBe('bad_request');
    });
  });
});
