import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FeedParseError } from './errors.ts';
import { parseFeed } from './parse.ts';
import type { ParsedFeed } from './types.ts';

const dir = fileURLToPath(new URL('./testdata/', import.meta.url));
const fetchedAt = new Date('2024-05-01T12:00:00Z');
const FETCHED = fetchedAt.toISOString();
const read = (f: string) => readFileSync(dir + f);
const parse = (f: string, url = `https://feeds.example.org/${f}`, contentType: string | null = null): Promise<ParsedFeed> =>
  parseFeed(read(f), { url, fetchedAt, contentType });

async function parseError(f: string): Promise<FeedParseError> {
  try {
    await parse(f);
  } catch (e) {
    expect(e).toBeInstanceOf(FeedParseError);
    return e as FeedParseError;
  }
  throw new Error(`${f} parsed although it should not`);
}

describe('parseFeed on the real fixtures', () => {
  it('covers every fixture file in testdata/', () => {
    const files = readdirSync(dir).filter((f) => f !== 'README.md');
    expect(files).toHaveLength(33);
  });

  it('oren.ru windows-1251 (declared)', async () => {
    const f = await parse('node-feedparser_iconv.xml');
    expect(f.format).toBe('rss2');
    expect(f.items).toHaveLength(10);
    expect(f.title).toBe('Новости Оренбурга и области / Раздел Новости');
    expect(f.items[0]!.title).toBe('В Бузулуке главные стройплощадки – детсад и Ледовый дворец');
    expect(f.items[0]!.url).toBe('http://www.oren.ru/news/2743422/');
    // Wed, 22 Jan 2014 20:31:31 +0600
    expect(f.items[0]!.published).toBe('2014-01-22T14:31:31.000Z');
    expect(f.items[0]!.publishedFromFeed).toBe(true);
    expect(f.items[0]!.summary).toContain('Работы по возведению детского сада');
  });

  it('oren.ru gzip bytes without Content-Encoding give the same items', async () => {
    const plain = await parse('node-feedparser_iconv.xml');
    const gz = await parse('node-feedparser_compressed.xml');
    expect(gz.items.map((i) => i.title)).toEqual(plain.items.map((i) => i.title));
    expect(gz.items[0]!.summary).toContain('детского сада');
  });

  it('NSHipster raw gzip with odd characters', async () => {
    const f = await parse('node-feedparser_invalid-characters-gzipped.xml');
    expect(f.format).toBe('rss2');
    expect(f.title).toBe('NSHipster');
    expect(f.items).toHaveLength(25);
    expect(f.items[0]!.title).toBe('NSOperation');
    expect(f.items[0]!.author).toBe('Mattt Thompson');
  });

  it('Daily Mail: declares ISO-8859-1, holds UTF-8 (©), media de-duplicated', async () => {
    const f = await parse('node-feedparser_mediacontent-dupes.xml', undefined, 'application/rss+xml; charset=ISO-8859-1');
    expect(f.items).toHaveLength(1);
    const item = f.items[0]!;
    expect(item.media?.[0]?.credit).toBe('© Bettmann/CORBIS');
    expect(JSON.stringify(f)).not.toContain('Â©');
    const urls = item.media!.map((m) => m.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toHaveLength(3);
    expect(item.url).toBe(
      'http://www.dailymail.co.uk/news/article-2272640/Could-infamous-Black-Dahlia-case-solved-Cadaver-dog-discovers-death-scent-Hollywood-home-suspect-66-years-horrific-murder.html',
    );
  });

  it('bare & in a link: all three items recovered, no dates → fetch time', async () => {
    const f = await parse('node-feedparser_saxerror.xml');
    expect(f.items.map((i) => i.title)).toEqual(['Good Item', 'Bad Item', 'Item After Error']);
    expect(f.items[1]!.url).toBe('http://example.com/bad?foo=1&bar=2');
    expect(f.warnings.join(' ')).toMatch(/&/);
    for (const i of f.items) {
      expect(i.published).toBe(FETCHED);
      expect(i.publishedFromFeed).toBe(false);
    }
  });

  it('illegally nested items: 10 real items, EST dates', async () => {
    const f = await parse('node-feedparser_illegally-nested.xml');
    expect(f.items).toHaveLength(10);
    expect(f.items[0]!.title).toBe('My Professional Armchair Analysis of CES');
    expect(f.items[1]!.title).toBe('Did We Learn Nothing From the Dot-Com Bust?');
    // Wed, 17 Jan 2018 15:50:00 EST
    expect(f.items[0]!.published).toBe('2018-01-17T20:50:00.000Z');
    expect(f.warnings.some((w) => /nested/.test(w))).toBe(true);
  });

  it('two <guid>s: the first one, deterministically', async () => {
    const a = await parse('node-feedparser_guid-dupes.xml');
    expect(a.items).toHaveLength(1);
    expect(a.items[0]!.guid).toBe('http://www.braingle.com/50366.html');
    expect(a.items[0]!.summary).toContain("What's the Rebus?");
    expect(a.items[0]!.summary).not.toContain('<');
  });

  it('intertwingly Atom: relative hrefs resolved, xhtml content as text', async () => {
    const f = await parse('node-feedparser_intertwingly.atom', 'http://intertwingly.net/blog/index.atom');
    expect(f.format).toBe('atom');
    expect(f.items).toHaveLength(20);
    expect(f.link).toBe('http://intertwingly.net/blog/');
    expect(f.items[0]!.url).toBe('http://intertwingly.net/blog/2012/07/16/Inhibiting-Suspend');
    expect(f.items[0]!.title).toBe('Inhibiting Suspend');
    expect(f.items[0]!.content).toContain("require 'dbus'");
    for (const i of f.items) expect(i.url).toMatch(/^http:\/\/intertwingly\.net\//);
  });

  it('prefixed Atom namespace (a:feed)', async () => {
    const f = await parse('node-feedparser_nondefaultnamespace.atom');
    expect(f.format).toBe('atom');
    expect(f.title).toBe('Non-default namespace test');
    expect(f.items).toHaveLength(1);
    expect(f.items[0]!.title).toBe('If you can read the content of this entry, your aggregator works fine.');
    expect(f.items[0]!.content).toContain('Who knows an XML document from a hole in the ground?');
    expect(f.items[0]!.published).toBe('2006-01-18T11:26:54.000Z');
  });

  it('relative links and image URLs resolved against the feed URL', async () => {
    const f = await parse('node-feedparser_rss-with-relative-urls.xml', 'http://www.arcgames.com/en/games/neverwinter/news/rss');
    expect(f.items).toHaveLength(2);
    expect(f.link).toBe('http://www.arcgames.com/en/games/neverwinter/news');
    expect(f.items[0]!.url).toBe('http://www.arcgames.com/en/games/neverwinter/news/detail/10743874-neverwinter-%26-jingle-jam-humble-bundle%21');
    expect(f.items[0]!.title).toBe('Neverwinter & Jingle Jam Humble Bundle!');
  });

  it('NYT category feed: geo categories kept, tracking-free URL', async () => {
    const f = await parse('node-feedparser_category-feed.xml');
    expect(f.items).toHaveLength(1);
    expect(f.items[0]!.categories).toContain('Gowanus Canal (Brooklyn, NY)');
    expect(f.items[0]!.published).toBe('2013-05-05T17:15:11.000Z');
  });

  it('Washington Post: CDATA HTML to text, authors', async () => {
    const f = await parse('node-feedparser_wapowellness.xml');
    expect(f.items.length).toBeGreaterThanOrEqual(25);
    expect(f.items[0]!.title).toBe('Schools minister to kids’ fitness and nutrition needs');
    expect(f.items[0]!.author).toBe('Lenny Bernstein');
    for (const i of f.items) expect(i.summary).not.toMatch(/<\/?[a-z]+[ >]/i);
  });

  it('not-a-feed HTML page and IIS fragment are rejected with not_a_feed', async () => {
    for (const f of ['node-feedparser_notafeed.html', 'rss-parser_unrecognized.rss']) {
      const e = await parseError(f);
      expect(e.code).toBe('not_a_feed');
      expect(e.kind).toBe('permanent');
      expect(e.message).toContain(`https://feeds.example.org/${f}`);
    }
  });

  it('RSS 0.91 ISO-8859-1 with a comment before the root and no dates', async () => {
    const f = await parse('feed-rs_rss_0.91_encoding_2.xml');
    expect(f.format).toBe('rss09');
    expect(f.title).toBe('Tribunal de Justiça do Estado do Rio Grande do Sul');
    expect(f.items).toHaveLength(1);
    expect(f.items[0]!.title).toContain('Comitê completa 150 dias de atuação');
    expect(f.items[0]!.publishedFromFeed).toBe(false);
    expect(f.items[0]!.published).toBe(FETCHED);
  });

  it('RSS 1.0 Golem ISO-8859-1 with dc:date', async () => {
    const f = await parse('feed-rs_rss_1.0_iso8859.xml');
    expect(f.format).toBe('rss1');
    expect(f.items[0]!.title).toBe('Digitalministerium: Neue Glasfaserförderung mit Schnellkasse');
    expect(f.items[0]!.author).toBe('Achim Sawall');
    expect(f.items[0]!.publishedFromFeed).toBe(true);
  });

  it('RSS 1.0 Debian', async () => {
    const f = await parse('feed-rs_rss_1.0_debian.xml');
    expect(f.format).toBe('rss1');
    expect(f.items).toHaveLength(1);
    expect(f.items[0]!.title).toBe('Updated Debian 11: 11.6 released');
    expect(f.items[0]!.published).toBe('2022-12-17T00:00:00.000Z');
  });

  it('truncated Reuters document: channel recovered, zero items, warning', async () => {
    const f = await parse('feed-rs_rss_2.0_invalid_1.xml');
    expect(f.format).toBe('rss2');
    expect(f.title).toBe('Reuters: Most Read Articles');
    expect(f.items).toHaveLength(0);
    expect(f.warnings.length).toBeGreaterThan(0);
  });

  it('per-item xml:base and content:encoded', async () => {
    const f = await parse('feed-rs_rss_2.0_relurl_1.xml');
    expect(f.items).toHaveLength(2);
    expect(f.items[0]!.url).toBe('https://insanity.industries/post/pareto-optimal-compression/');
    expect(f.items[0]!.summary).toBe('Everyone wants good compression. But what exactly is good compression? Time for a closer look.');
    expect(f.items[0]!.author).toBe('Jonas Große Sundrup');
    expect(f.items[1]!.content.startsWith('Automatically resolving')).toBe(true);
  });

  it('Il Giornale: a10: prefix, double-encoded apostrophes', async () => {
    const f = await parse('feed-rs_rss_2.0_ilgiornale.xml');
    expect(f.items).toHaveLength(1);
    expect(f.items[0]!.summary).toContain("In Italia l'uomo è accusato");
    expect(f.items[0]!.published).toBe('2022-11-15T20:15:04.000Z');
    expect(f.items[0]!.author).toBe('Angela Leucci');
  });

  it('JSON Feed 1.0 and 1.1', async () => {
    const a = await parse('feed-rs_jsonfeed_example_1.json');
    expect(a.format).toBe('json');
    expect(a.title).toBe('Daring Fireball');
    expect(a.items).toHaveLength(2);
    expect(a.items[0]!.title).toBe('How Jeff Bezos’s iPhone X Was Hacked');
    expect(a.items[0]!.author).toBe('John Gruber');
    const b = await parse('feed-rs_jsonfeed_elastic_1.1.json');
    expect(b.title).toBe('Blog – InfluxData');
    expect(b.items).toHaveLength(3);
    expect(b.items[0]!.author).toBe('Chris Churilo');
    expect(b.items[0]!.publishedFromFeed).toBe(true);
  });

  it('heise Atom: umlauts', async () => {
    const f = await parse('rss-parser_heise.atom');
    expect(f.items).toHaveLength(15);
    expect(f.title).toBe('heise developer neueste Meldungen');
    expect(f.items[0]!.summary).toContain('Die nun verfügbare Version 10');
    expect(f.items[0]!.url).not.toContain('wt_mc');
  });

  it('Jornal de Notícias ISO-8859-1', async () => {
    const f = await parse('rss-parser_encoding.rss');
    expect(f.items).toHaveLength(40);
    expect(f.title).toBe('Jornal de Notícias - Últimas Notícias');
    expect(f.items[0]!.title).toBe('Mãe de utente é a nova presidente da Raríssimas');
  });

  it('Craigslist RSS 1.0', async () => {
    const f = await parse('rss-parser_craigslist.rss');
    expect(f.format).toBe('rss1');
    expect(f.items).toHaveLength(25);
    expect(f.items[0]!.url).toBe('http://sfbay.craigslist.org/eby/apa/6186664607.html');
  });

  it('Atom entry with only an id', async () => {
    const f = await parse('rss-parser_missing-fields.atom');
    expect(f.items).toHaveLength(1);
    expect(f.items[0]!.guid).toBe('tag:github.com,2008:Repository/11167738/v3.9.0');
    expect(f.items[0]!.url).toBeNull();
    expect(f.items[0]!.published).toBe(FETCHED);
    expect(f.items[0]!.publishedFromFeed).toBe(false);
    expect(f.title).toBeNull();
  });

  it('undeclared KOI8-R is sniffed', async () => {
    const f = await parse('feedparser_chardet_koi8r.xml');
    expect(f.items[0]!.title).toBe('Как пережить новогоднюю ночь');
    expect(f.items[0]!.summary).toContain('Новый год обязательно наступит');
  });

  it('undeclared GB2312 is sniffed', async () => {
    const f = await parse('feedparser_chardet_gb2312.xml');
    expect(f.items[0]!.title).toBe('不归移民漫画系列：专业工作');
  });

  it('ISO-8859-7 feed with a Greek date: parses, no crash', async () => {
    const f = await parse('feedparser_http_high_bit_date.xml');
    expect(f.format).toBe('rss2');
    expect(f.items).toHaveLength(0);
  });

  it('truncated CDATA after a comment before <?xml: channel kept, no crash', async () => {
    const f = await parse('feedparser_rss_incomplete_cdata.xml');
    expect(f.title).toBe('can feedparser read this xml');
    expect(f.items).toHaveLength(0);
    expect(f.warnings.join(' ')).toMatch(/truncated/);
  });

  it('RSS 0.90', async () => {
    const f = await parse('feedsmith_rdf-09.xml');
    expect(f.format).toBe('rss09');
    expect(f.title).toBe('Mozilla Dot Org');
    expect(f.items).toHaveLength(5);
    expect(f.items[0]!.url).toBe('http://www.mozilla.org/status/');
    expect(f.items.every((i) => !i.publishedFromFeed)).toBe(true);
  });

  it('TUT.BY: entity-encoded HTML, utm stripped, photo credit is not the author', async () => {
    const f = await parse('newscloning_tut-by-ru.rss');
    expect(f.items).toHaveLength(100);
    expect(f.language).toBe('ru');
    const first = f.items[0]!;
    expect(first.title).toBe('Гороскоп наоборот. Давайте проверим, случилось ли с вами то, что звезды обещали в этом году');
    expect(first.url).toBe('https://news.tut.by/go/666242.html');
    expect(first.author).toBe('Елена Мельникова');
    for (const i of f.items) {
      expect(i.summary).not.toMatch(/<img|&#x3C;|&lt;/i);
      expect(i.url ?? '').not.toContain('utm_');
    }
  });

  it('LIGA.net: CDATA with padding, Cyrillic titles', async () => {
    const f = await parse('whats_about_bot_liga-net-ru.rss');
    expect(f.items).toHaveLength(12);
    expect(f.title).toBe('ЛІГА.Новости');
    expect(f.items[0]!.title).toBe('Футбол. "Арсенал" – "Челси": где и когда смотреть матч английской Премьер-лиги');
    expect(f.items[0]!.summary.startsWith('Сегодня пройдет матч')).toBe(true);
    expect(f.items[0]!.published).toBe('2021-08-22T10:45:00.000Z');
  });
});

describe('parseFeed on synthetic edge cases', () => {
  const p = (s: string) => parseFeed(Buffer.from(s), { url: 'https://x.example/feed', fetchedAt });

  it('empty body → empty', async () => {
    await expect(p('')).rejects.toMatchObject({ code: 'empty', kind: 'permanent' });
    await expect(p('  \n ')).rejects.toMatchObject({ code: 'empty' });
  });

  it('plain junk → not_a_feed; other JSON → not_a_feed; broken JSON → parse_error', async () => {
    await expect(p('hello world, this is no feed')).rejects.toMatchObject({ code: 'not_a_feed' });
    await expect(p('{"hello": 1}')).rejects.toMatchObject({ code: 'not_a_feed' });
    await expect(p('{"version": "https://jsonfeed.org/version/1.1", ')).rejects.toMatchObject({ code: 'parse_error' });
  });

  it('valid feed with zero items is not an error', async () => {
    const f = await p('<rss version="2.0"><channel><title>T</title></channel></rss>');
    expect(f.items).toEqual([]);
    expect(f.title).toBe('T');
  });

  it('future dates are clamped to the fetch time', async () => {
    const f = await p('<rss version="2.0"><channel><item><title>a</title><pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item></channel></rss>');
    expect(f.items[0]!.published).toBe(FETCHED);
    expect(f.items[0]!.publishedFromFeed).toBe(false);
  });

  it('truncated inside the third item keeps the first two', async () => {
    const f = await p(
      '<rss version="2.0"><channel><item><title>one</title></item><item><title>two</title><description><![CDATA[<p>x</p>]]></description></item><item><title>thr',
    );
    expect(f.items.map((i) => i.title)).toEqual(['one', 'two']);
    expect(f.warnings.join(' ')).toMatch(/truncated/);
  });

  it('atom with a bad date does not throw', async () => {
    const f = await p('<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id><title>t</title><published>yesterday</published></entry></feed>');
    expect(f.items[0]!.publishedFromFeed).toBe(false);
  });
});
