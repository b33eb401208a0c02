import { describe, expect, it } from 'vitest';
import { canonicalUrl, cleanAuthor, cleanTitle, htmlToText, normaliseLanguage, parseFeedDate, pickGuid, resolvePublished } from './normalise.ts';

const iso = (s: string) => parseFeedDate(s)?.toISOString() ?? null;

describe('canonicalUrl', () => {
  it('resolves against item xml:base, then feed link, then feed URL', () => {
    expect(canonicalUrl('x.html', ['post/', 'https://site.kz/blog/', 'https://feeds.site.kz/rss'])).toBe('https://site.kz/blog/post/x.html');
    expect(canonicalUrl('/a', [null, '/news/', 'https://site.kz/rss.xml'])).toBe('https://site.kz/a');
    expect(canonicalUrl('a', [undefined, undefined, 'https://site.kz/rss/feed.xml'])).toBe('https://site.kz/rss/a');
  });

  it('strips fragments and tracking params, keeps others in order, lower-cases host, drops default port', () => {
    expect(canonicalUrl('HTTPS://News.Site.KZ:443/a?b=2&utm_source=x&a=1&fbclid=z&yclid=1&_openstat=q&from=rss&ref=tg&gclid=g#top')).toBe('https://news.site.kz/a?b=2&a=1');
    expect(canonicalUrl('http://site.kz:80/?utm_medium=rss')).toBe('http://site.kz/');
    expect(canonicalUrl('http://site.kz:8080/p?id=1&amp;page=2')).toBe('http://site.kz:8080/p?id=1&page=2');
  });

  it('refuses non-http links and garbage', () => {
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalUrl('mailto:a@b.kz')).toBeNull();
    expect(canonicalUrl('')).toBeNull();
    expect(canonicalUrl('relative/only')).toBeNull();
  });
});

describe('htmlToText', () => {
  it('strips tags incl. script/style, keeps paragraphs as \\n, collapses whitespace', () => {
    expect(htmlToText('<p>Один  <b>два</b></p>\n\n<script>alert(1)</script><style>p{}</style><p>три&nbsp;четыре</p><br/>пять')).toBe('Один два\nтри четыре\nпять');
  });

  it('decodes double-encoded and entity-encoded markup', () => {
    expect(htmlToText('1990 &amp;#8211; 2000')).toBe('1990 – 2000');
    expect(htmlToText('&#x3C;img src="a.jpg"&#x3E;Текст &#x3C;b&#x3E;жирный&#x3C;/b&#x3E;')).toBe('Текст жирный');
    expect(htmlToText('&lt;p&gt;A &amp;amp; B&lt;/p&gt;')).toBe('A & B');
    expect(htmlToText('l&amp;#39;uomo &quot;x&quot; &laquo;ы&raquo; &#169;')).toBe('l\'uomo "x" «ы» ©');
  });

  it('titles with HTML become one line', () => {
    expect(cleanTitle('<b>Срочно:</b><br>пожар в&nbsp;Алматы')).toBe('Срочно: пожар в Алматы');
  });
});

describe('parseFeedDate', () => {
  it('RFC 822 with numeric offsets and zone names', () => {
    expect(iso('Wed, 22 Jan 2014 20:31:31 +0600')).toBe('2014-01-22T14:31:31.000Z');
    expect(iso('Wed, 17 Jan 2018 15:50:00 EST')).toBe('2018-01-17T20:50:00.000Z');
    expect(iso('Tue, 10 Jun 2003 04:00:00 PDT')).toBe('2003-06-10T11:00:00.000Z');
    expect(iso('Sat, 21 Mar 2020 06:29:51 -0400')).toBe('2020-03-21T10:29:51.000Z');
    expect(iso('Tue, 15 Nov 2022 20:15:04 Z')).toBe('2022-11-15T20:15:04.000Z');
    expect(iso('15 Nov 22 20:15 GMT')).toBe('2022-11-15T20:15:00.000Z');
    expect(iso('Mon, 02 Jan 2006 15:04:05 ALMT')).toBe('2006-01-02T09:04:05.000Z');
  });

  it('ISO 8601 / dc:date; no zone means UTC', () => {
    expect(iso('2006-01-18T12:26:54+01:00')).toBe('2006-01-18T11:26:54.000Z');
    expect(iso('2023-01-25T19:03:02+0100')).toBe('2023-01-25T18:03:02.000Z');
    expect(iso('2022-12-17')).toBe('2022-12-17T00:00:00.000Z');
    expect(iso('2013-01-27 21:31:00')).toBe('2013-01-27T21:31:00.000Z');
    expect(iso('2019-05-31T19:17:58.123Z')).toBe('2019-05-31T19:17:58.123Z');
  });

  it('unparsable dates → null', () => {
    expect(iso('Τρι, 29 Ιούν 2004 12:53:00 GMT')).toBeNull();
    expect(iso('вчера')).toBeNull();
    expect(iso('31 Feb 2020 10:00:00 GMT')).toBeNull();
    expect(iso('')).toBeNull();
  });

  it('resolvePublished falls back to fetch time and clamps the future', () => {
    const fetched = new Date('2024-05-01T12:00:00Z');
    expect(resolvePublished([null, 'garbage', '2024-04-30T10:00:00Z'], fetched)).toEqual({ published: '2024-04-30T10:00:00.000Z', fromFeed: true });
    expect(resolvePublished([], fetched)).toEqual({ published: fetched.toISOString(), fromFeed: false });
    expect(resolvePublished(['2024-05-01T18:00:00'], fetched)).toEqual({ published: fetched.toISOString(), fromFeed: false });
    expect(resolvePublished(['2024-05-01T12:05:00Z'], fetched).fromFeed).toBe(true);
  });
});

describe('authors, guids, language', () => {
  it('author formats', () => {
    expect(cleanAuthor(['jonas@x.org (Jonas Große)'])).toBe('Jonas Große');
    expect(cleanAuthor(['"Анна" <anna@x.kz>'])).toBe('Анна');
    expect(cleanAuthor(['', 'Фото: t.me/x', 'Елена'])).toBe('Елена');
    expect(cleanAuthor([null])).toBeNull();
  });

  it('guid choice is deterministic', () => {
    expect(pickGuid(['  ', 'b', 'a'])).toBe('b');
    expect(pickGuid([])).toBeNull();
  });

  it('language tags', () => {
    expect(normaliseLanguage('ru-RU')).toBe('ru-ru');
    expect(normaliseLanguage('kk_KZ')).toBe('kk-kz');
    expect(normaliseLanguage('Russian language')).toBeNull();
  });
});
