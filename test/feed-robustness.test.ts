// Damaged, hostile and slow feeds end in a recorded, readable error (fetch_log + feed row), and the
// articles already stored are never lost. Runs the ingest job body against real PostgreSQL.
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../services/runtime.ts';
import { addFeeds } from '../shared/db/repositories/feeds.ts';
import { fetchFeed } from '../workers/ingest/fetch-feed.ts';
import { makeItems, rss, startFeedServer, type FeedServer } from './helpers/feed-server.ts';
import { testConfig } from './helpers/env.ts';

let rt: Runtime;
let server: FeedServer;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const t = await testConfig('postgres', { FETCH_TIMEOUT_MS: '1500', FETCH_CONNECT_TIMEOUT_MS: '1000' });
  cleanup = t.cleanup;
  rt = await openRuntime(t.config);
  server = await startFeedServer();
});

afterAll(async () => {
  await rt?.close();
  await server?.close();
  await cleanup?.();
});

const articles = async (feedId: number) =>
  Number((await rt.db.selectFrom('articles').where('feed_id', '=', feedId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

/** A feed that first serves 3 good items, then the damaged response. */
async function feedThatBreaks(path: string, handler: Parameters<FeedServer['routes']['set']>[1]) {
  const good = rss(makeItems(3, server.base, Math.floor(Math.random() * 1e6)));
  let broken = false;
  server.routes.set(path, (req, res) => {
    if (!broken) {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      return res.end(good);
    }
    handler(req, res);
  });
  const { added } = await addFeeds(rt.db, [{ url: server.url(path) }]);
  const feedId = added[0]!.id;
  const ok = await fetchFeed(rt, feedId);
  expect(ok).toMatchObject({ outcome: 'ok', new: 3 });
  broken = true;
  return feedId;
}

async function expectRecordedFailure(feedId: number, code: RegExp, kind: 'temporary' | 'permanent') {
  const t0 = Date.now();
  const res = await fetchFeed(rt, feedId);
  expect(res.error?.code).toMatch(code);
  expect(res.error?.kind).toBe(kind);
  expect(res.error?.message.length).toBeGreaterThan(10);
  const last = await rt.db.selectFrom('fetch_log').selectAll().where('feed_id', '=', feedId).orderBy('id', 'desc').executeTakeFirstOrThrow();
  expect(last.outcome).toBe(kind === 'permanent' ? 'permanent_error' : 'temporary_error');
  expect(last.error_code).toMatch(code);
  const feed = await rt.db.selectFrom('feeds').selectAll().where('id', '=', feedId).executeTakeFirstOrThrow();
  expect(feed.last_error).toBeTruthy();
  expect(feed.consecutive_failures).toBe(1);
  expect(new Date(feed.next_check_at).getTime()).toBeGreaterThan(Date.now());
  expect(await articles(feedId)).toBe(3); // nothing stored is lost
  return Date.now() - t0;
}

describe('feed robustness', () => {
  it('an HTML error page served as a feed', async () => {
    const id = await feedThatBreaks('/html', (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>');
    });
    await expectRecordedFailure(id, /not_a_feed/, 'permanent');
  });

  it('a 50 MiB body is cut off at the size cap', async () => {
    const id = await feedThatBreaks('/huge', (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 50 && res.write(chunk)) sent++;
        if (sent < 50) res.once('drain', pump);
        else res.end();
      };
      res.on('error', () => {});
      pump();
    });
    await expectRecordedFailure(id, /too_large/, 'permanent');
  });

  it('a server that never answers times out', async () => {
    const id = await feedThatBreaks('/hang', () => {
      /* accept the request, never respond */
    });
    const ms = await expectRecordedFailure(id, /timeout/, 'temporary');
    expect(ms).toBeLessThan(10_000);
  });

  it('a redirect loop', async () => {
    const id = await feedThatBreaks('/loop', (_q, res) => {
      res.writeHead(302, { location: '/loop2' });
      res.end();
    });
    server.routes.set('/loop2', (_q, res) => {
      res.writeHead(302, { location: '/loop' });
      res.end();
    });
    await expectRecordedFailure(id, /redirect/, 'permanent');
  });

  it('a redirect to a private address', async () => {
    const id = await feedThatBreaks('/to-private', (_q, res) => {
      res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
    });
    await expectRecordedFailure(id, /blocked/, 'permanent');
  });

  it('a feed URL on a private address is refused before connecting', async () => {
    const { added } = await addFeeds(rt.db, [{ url: 'http://10.20.30.40/rss.xml' }]);
    const res = await fetchFeed(rt, added[0]!.id);
    expect(res.error).toMatchObject({ code: expect.stringMatching(/blocked/), kind: 'permanent' });
    expect(res.error!.message).toMatch(/10\.20\.30\.40/);
  });

  it('an empty feed is fine and stores nothing', async () => {
    server.routes.set('/empty', (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end('<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>');
    });
    const { added } = await addFeeds(rt.db, [{ url: server.url('/empty') }]);
    expect(await fetchFeed(rt, added[0]!.id)).toMatchObject({ outcome: 'ok', items: 0, new: 0 });
  });

  it('bare ampersands, HTML in titles and a truncated document still yield their good items', async () => {
    const doc =
      '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Damaged & co</title>' +
      '<item><title>Акимат &amp; <b>маслихат</b> Тараза</title><link>http://127.0.0.1/a?x=1&y=2</link><guid>d1</guid><description>Текст & ещё</description></item>' +
      '<item><title>Second item</title><link>http://127.0.0.1/b</link><guid>d2</guid><description>Ok</description></item>' +
      '<item><title>Cut off in the mid';
    server.routes.set('/damaged', (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(doc);
    });
    const { added } = await addFeeds(rt.db, [{ url: server.url('/damaged') }]);
    const res = await fetchFeed(rt, added[0]!.id);
    expect(res).toMatchObject({ outcome: 'ok', new: 2 });
    const titles = (await rt.db.selectFrom('articles').select('title').where('feed_id', '=', added[0]!.id).orderBy('id').execute()).map((r) => r.title);
    expect(titles).toEqual(['Акимат & маслихат Тараза', 'Second item']);
  });

  it.each([
    ['windows-1251', 'application/rss+xml; charset=windows-1251', true],
    ['windows-1251', 'application/rss+xml', true],
    ['koi8-r', 'application/xml', false],
  ])('decodes %s (content-type %s, prolog %s)', async (encoding, contentType, prolog) => {
    const title = 'Жители села Масанчи провели встречу с акимом: ёлки';
    const xml = `${prolog ? `<?xml version="1.0" encoding="${encoding}"?>` : ''}<rss version="2.0"><channel><title>Кодировка</title><item><title>${title}</title><link>http://127.0.0.1/${encoding}/${contentType.length}</link><description>Текст новости о встрече жителей.</description></item></channel></rss>`;
    const path = `/enc-${encoding}-${contentType.length}`;
    server.routes.set(path, (_q, res) => {
      res.writeHead(200, { 'content-type': contentType });
      res.end(iconv.encode(xml, encoding));
    });
    const { added } = await addFeeds(rt.db, [{ url: server.url(path) }]);
    expect(await fetchFeed(rt, added[0]!.id)).toMatchObject({ outcome: 'ok', new: 1 });
    const row = await rt.db.selectFrom('articles').select('title').where('feed_id', '=', added[0]!.id).executeTakeFirstOrThrow();
    expect(row.title).toBe(title);
  });

  it('a real gzip-compressed windows-1251 feed file served as is', async () => {
    const body = readFileSync('shared/feeds/testdata/node-feedparser_compressed.xml');
    server.routes.set('/gz', (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(body);
    });
    const { added } = await addFeeds(rt.db, [{ url: server.url('/gz') }]);
    const res = await fetchFeed(rt, added[0]!.id);
    expect(res.outcome).toBe('ok');
    expect(res.new).toBeGreaterThan(0);
    const row = await rt.db.selectFrom('articles').select('title').where('feed_id', '=', added[0]!.id).executeTakeFirstOrThrow();
    expect(row.title).toMatch(/[А-Яа-яЁё]{3,}/);
  });

  it('a feed with many permanent failures is disabled with its reason', async () => {
    const { added } = await addFeeds(rt.db, [{ url: server.url('/gone') }]);
    server.routes.set('/gone', (_q, res) => res.writeHead(410).end('gone'));
    const id = added[0]!.id;
    for (let i = 0; i < 30; i++) {
      await fetchFeed(rt, id);
      const f = await rt.db.selectFrom('feeds').select(['enabled', 'disabled_reason']).where('id', '=', id).executeTakeFirstOrThrow();
      if (!f.enabled) {
        expect(f.disabled_reason).toMatch(/410|http/);
        return;
      }
    }
    throw new Error('feed was never disabled');
  });
});
