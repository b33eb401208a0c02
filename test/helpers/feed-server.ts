// A local news outlet for tests: serves an RSS 2.0 feed of generated Kazakhstan news items with
// ETag/Last-Modified support, and misbehaves on demand (slow, hanging, huge, redirect loops, HTML).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FeedItem {
  guid: string;
  title: string;
  description: string;
  link: string;
  pubDate: string;
}

const TEMPLATES: Array<{ lang: 'ru' | 'kk' | 'en'; title: string; body: string }> = [
  {
    lang: 'ru',
    title: 'Массовая драка в селе Масанчи Кордайского района #{n}',
    body: 'В селе Масанчи Кордайского района Жамбылской области произошла массовая драка между жителями. По данным полиции, конфликт между казахской и дунганской молодёжью начался из-за спора о земле и перерос в столкновение групп. Задержаны {n} человек, возбуждено уголовное дело.',
  },
  {
    lang: 'kk',
    title: 'Шымкентте жаңа мектеп ашылды #{n}',
    body: 'Шымкент қаласының Әл-Фараби ауданында {n} орындық жаңа мектеп пайдалануға берілді. Салтанатты шараға қала әкімі қатысып, оқушыларды құттықтады.',
  },
  {
    lang: 'en',
    title: 'Ethnic tensions flare in Korday district after brawl #{n}',
    body: 'Police in Korday district of Zhambyl region detained {n} people after a brawl between groups of Kazakh and Dungan residents. Officials urged calm and said elders would meet to mediate.',
  },
  {
    lang: 'ru',
    title: 'В Павлодаре отремонтируют {n} километров дорог',
    body: 'Акимат Павлодара сообщил, что в этом году будет отремонтировано {n} километров городских дорог. Работы начнутся в мае.',
  },
];

export function makeItems(count: number, base: string, startAt = 0, day = new Date()): FeedItem[] {
  const items: FeedItem[] = [];
  for (let i = startAt; i < startAt + count; i++) {
    const t = TEMPLATES[i % TEMPLATES.length]!;
    const n = String(i + 1);
    items.push({
      guid: `item-${i}`,
      title: t.title.replaceAll('{n}', n).replace('#{n}', `№${n}`).replace(/#(\d+)/, '№$1'),
      description: `${t.body.replaceAll('{n}', n)} Сообщение ${n}.`,
      link: `${base}/news/${i}?utm_source=rss&utm_medium=feed`,
      pubDate: new Date(day.getTime() - i * 60_000).toUTCString(),
    });
  }
  return items;
}

export function rss(items: FeedItem[], title = 'Local test outlet'): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${esc(title)}</title><link>http://example.test/</link><language>ru</language>\n` +
    items
      .map(
        (it) =>
          `<item><guid isPermaLink="false">${esc(it.guid)}</guid><title>${esc(it.title)}</title><link>${esc(it.link)}</link>` +
          `<description><![CDATA[<p>${it.description}</p>]]></description><pubDate>${it.pubDate}</pubDate></item>`,
      )
      .join('\n') +
    '\n</channel></rss>\n'
  );
}

export type Behaviour = 'normal' | 'ignore-etag' | 'stall-then-serve';

export interface FeedServer {
  url: (path?: string) => string;
  base: string;
  setItems(items: FeedItem[]): void;
  behaviour: Behaviour;
  /** Extra per-path handlers for misbehaving endpoints. */
  routes: Map<string, (req: IncomingMessage, res: ServerResponse) => void>;
  hits: Map<string, number>;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  let items: FeedItem[] = [];
  let body = '';
  let etag = '"0"';
  const lastModified = new Date(Date.now() - 3600_000).toUTCString();
  const routes = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
  const hits = new Map<string, number>();
  const sockets = new Set<import('node:net').Socket>();
  const state: { behaviour: Behaviour } = { behaviour: 'normal' };
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const custom = routes.get(path);
    if (custom) return custom(req, res);
    if (path === '/feed.xml') {
      if (state.behaviour === 'normal' && req.headers['if-none-match'] === etag) {
        res.writeHead(304, { ETag: etag });
        return res.end();
      }
      const send = () => {
        res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: etag, 'Last-Modified': lastModified });
        res.end(body);
      };
      if (state.behaviour === 'stall-then-serve') setTimeout(send, 1500);
      else send();
      return;
    }
    if (path.startsWith('/news/')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end('<html><body><article><p>Article page</p></article></body></html>');
    }
    res.writeHead(404).end('not found');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    url: (path = '/feed.xml') => base + path,
    setItems(next) {
      items = next;
      body = rss(items);
      etag = `"${items.length}-${items[0]?.guid ?? ''}"`;
    },
    get behaviour() {
      return state.behaviour;
    },
    set behaviour(b: Behaviour) {
      state.behaviour = b;
    },
    routes,
    hits,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
