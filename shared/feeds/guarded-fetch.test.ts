import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from './errors.ts';
import { createGuardedLookup, guardedFetch, parseRetryAfter, type Resolver } from './guarded-fetch.ts';
import { parseAllowList } from './net-guard.ts';

// Every server here listens on 127.0.0.1; tests that target other addresses must be refused
// before any connection (the resolver below records every name that was looked up).

let server: http.Server;
let base: string;
let hits: string[] = [];
let closedEarly = 0;
const allow = parseAllowList('127.0.0.1/32');

function handler(req: http.IncomingMessage, res: http.ServerResponse): void {
  const u = new URL(req.url ?? '/', 'http://x');
  hits.push(u.pathname);
  switch (u.pathname) {
    case '/gzip': {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
      res.end(zlib.gzipSync('<rss version="2.0"><channel><title>Привет</title></channel></rss>'));
      return;
    }
    case '/br': {
      res.writeHead(200, { 'content-encoding': 'br' });
      res.end(zlib.brotliCompressSync('brotli body'));
      return;
    }
    case '/deflate-raw': {
      res.writeHead(200, { 'content-encoding': 'deflate' });
      res.end(zlib.deflateRawSync('raw deflate body'));
      return;
    }
    case '/deflate': {
      res.writeHead(200, { 'content-encoding': 'deflate' });
      res.end(zlib.deflateSync('zlib deflate body'));
      return;
    }
    case '/cond': {
      const etag = '"v1"';
      const lm = 'Wed, 01 May 2024 10:00:00 GMT';
      if (req.headers['if-none-match'] === etag && req.headers['if-modified-since'] === lm) {
        res.writeHead(304, { etag });
        res.end();
        return;
      }
      res.writeHead(200, { etag, 'last-modified': lm });
      res.end('fresh');
      return;
    }
    case '/huge': {
      // 50 MiB streamed without Content-Length.
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      res.on('close', () => {
        if (sent < 50 * 1024 * 1024) closedEarly++;
      });
      pump();
      return;
    }
    case '/huge-declared': {
      res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) });
      res.write(Buffer.alloc(1024));
      return; // never finishes; the client must refuse on the header
    }
    case '/bomb': {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024)));
      return;
    }
    case '/hang':
      return; // accept, never answer
    case '/slow-body': {
      res.writeHead(200);
      res.write('partial');
      return;
    }
    case '/loop-a':
      res.writeHead(302, { location: '/loop-b' });
      res.end();
      return;
    case '/loop-b':
      res.writeHead(301, { location: '/loop-a' });
      res.end();
      return;
    case '/chain': {
      const n = Number(u.searchParams.get('n') ?? 0);
      res.writeHead(302, { location: n > 0 ? `/chain?n=${n - 1}` : '/ok' });
      res.end();
      return;
    }
    case '/ok':
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`ok ${req.method} ${req.headers['user-agent']}`);
      return;
    case '/to-private':
      res.writeHead(302, { location: 'http://10.0.0.1/feed' });
      res.end();
      return;
    case '/to-metadata':
      res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
      return;
    case '/to-v6-loopback':
      res.writeHead(302, { location: `http://[::1]:${(server.address() as AddressInfo).port}/ok` });
      res.end();
      return;
    case '/to-ftp':
      res.writeHead(302, { location: 'ftp://example.org/x' });
      res.end();
      return;
    case '/429':
      res.writeHead(429, { 'retry-after': '120' });
      res.end('slow down');
      return;
    case '/503':
      res.writeHead(503, { 'retry-after': 'Wed, 21 Oct 2099 07:28:00 GMT' });
      res.end();
      return;
    case '/500':
      res.writeHead(500);
      res.end();
      return;
    case '/404':
      res.writeHead(404);
      res.end();
      return;
    case '/410':
      res.writeHead(410);
      res.end();
      return;
    case '/post': {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        res.writeHead(200);
        res.end(`${req.method}:${req.headers['content-type']}:${body}`);
      });
      return;
    }
    case '/reset':
      req.socket.destroy();
      return;
    default:
      res.writeHead(404);
      res.end();
  }
}

beforeAll(async () => {
  server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

async function fetchError(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FetchError);
    return e as FetchError;
  }
  throw new Error('expected a FetchError');
}

describe('guardedFetch against local servers', () => {
  it('200 with gzip Content-Encoding is decompressed', async () => {
    const r = await guardedFetch(`${base}/gzip`, { allow });
    expect(r.status).toBe(200);
    expect(r.notModified).toBe(false);
    expect(r.body.toString('utf8')).toContain('<title>Привет</title>');
    expect(r.headers['content-type']).toBe('application/rss+xml');
    expect(r.url).toBe(`${base}/gzip`);
    expect(r.durationMs).toBeGreaterThan(0);
  });

  it('br, zlib deflate and raw deflate are decompressed', async () => {
    expect((await guardedFetch(`${base}/br`, { allow })).body.toString()).toBe('brotli body');
    expect((await guardedFetch(`${base}/deflate`, { allow })).body.toString()).toBe('zlib deflate body');
    expect((await guardedFetch(`${base}/deflate-raw`, { allow })).body.toString()).toBe('raw deflate body');
  });

  it('sends the default User-Agent', async () => {
    const r = await guardedFetch(`${base}/ok`, { allow });
    expect(r.body.toString()).toBe('ok GET Bitim/0.1 (+https://github.com/bitim; conflict early-warning)');
  });

  it('ETag / Last-Modified round trip gives 304 notModified', async () => {
    const first = await guardedFetch(`${base}/cond`, { allow });
    expect(first.body.toString()).toBe('fresh');
    const second = await guardedFetch(`${base}/cond`, { allow, etag: first.headers['etag'], lastModified: first.headers['last-modified'] });
    expect(second.status).toBe(304);
    expect(second.notModified).toBe(true);
    expect(second.body.length).toBe(0);
  });

  it('50 MiB body → too_large, the connection closed without reading it all', async () => {
    closedEarly = 0;
    const e = await fetchError(guardedFetch(`${base}/huge`, { allow, maxBytes: 1024 * 1024 }));
    expect(e.code).toBe('too_large');
    expect(e.kind).toBe('permanent');
    await new Promise((r) => setTimeout(r, 100));
    expect(closedEarly).toBe(1);
  });

  it('Content-Length above the limit is refused up front', async () => {
    const e = await fetchError(guardedFetch(`${base}/huge-declared`, { allow }));
    expect(e.code).toBe('too_large');
    expect(e.message).toContain('Content-Length');
  });

  it('gzip bomb: the cap applies to decompressed bytes', async () => {
    const e = await fetchError(guardedFetch(`${base}/bomb`, { allow }));
    expect(e.code).toBe('too_large');
    expect(e.message).toContain('decompressed');
  });

  it('server that never answers → timeout within the configured time', async () => {
    // The server never answers: a 'timeout' error at all proves the limit fired.
    const e = await fetchError(guardedFetch(`${base}/hang`, { allow, timeoutMs: 300 }));
    expect(e.code).toBe('timeout');
    expect(e.kind).toBe('temporary');
  });

  it('a body that stalls counts against the same total timeout', async () => {
    const e = await fetchError(guardedFetch(`${base}/slow-body`, { allow, timeoutMs: 300 }));
    expect(e.code).toBe('timeout');
  });

  it('redirect loop → redirect_loop', async () => {
    const e = await fetchError(guardedFetch(`${base}/loop-a`, { allow }));
    expect(e.code).toBe('redirect_loop');
    expect(e.kind).toBe('permanent');
  });

  it('5 redirects are followed, 6 are too many', async () => {
    const ok = await guardedFetch(`${base}/chain?n=3`, { allow });
    expect(ok.url).toBe(`${base}/ok`);
    expect(ok.status).toBe(200);
    const e = await fetchError(guardedFetch(`${base}/chain?n=5`, { allow }));
    expect(e.code).toBe('too_many_redirects');
    const e2 = await fetchError(guardedFetch(`${base}/chain?n=0`, { allow, maxRedirects: 0 }));
    expect(e2.code).toBe('too_many_redirects');
  });

  it('redirects from the allowed host to private/metadata/::1 are blocked', async () => {
    for (const p of ['/to-private', '/to-metadata', '/to-v6-loopback']) {
      const e = await fetchError(guardedFetch(`${base}${p}`, { allow }));
      expect(e.code).toBe('blocked_address');
      expect(e.kind).toBe('permanent');
    }
    const ftp = await fetchError(guardedFetch(`${base}/to-ftp`, { allow }));
    expect(ftp.code).toBe('bad_url');
  });

  it('429 with Retry-After → rate_limited, temporary, retryAfterMs', async () => {
    const e = await fetchError(guardedFetch(`${base}/429`, { allow }));
    expect(e.code).toBe('rate_limited');
    expect(e.kind).toBe('temporary');
    expect(e.status).toBe(429);
    expect(e.retryAfterMs).toBe(120_000);
    expect(e.message).toContain(`${base}/429`);
  });

  it('503 → temporary with an HTTP-date Retry-After; 500 temporary', async () => {
    const e = await fetchError(guardedFetch(`${base}/503`, { allow }));
    expect(e.code).toBe('http_status');
    expect(e.kind).toBe('temporary');
    expect(e.status).toBe(503);
    expect(e.retryAfterMs).toBeGreaterThan(1e9);
    expect((await fetchError(guardedFetch(`${base}/500`, { allow }))).kind).toBe('temporary');
  });

  it('404 and 410 → permanent', async () => {
    for (const p of ['/404', '/410']) {
      const e = await fetchError(guardedFetch(`${base}${p}`, { allow }));
      expect(e.code).toBe('http_status');
      expect(e.kind).toBe('permanent');
    }
  });

  it('POST with a body (webhooks)', async () => {
    const r = await guardedFetch(`${base}/post`, { allow, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' });
    expect(r.body.toString()).toBe('POST:application/json:{"a":1}');
  });

  it('connection reset → connection, temporary', async () => {
    const e = await fetchError(guardedFetch(`${base}/reset`, { allow }));
    expect(e.code).toBe('connection');
    expect(e.kind).toBe('temporary');
  });

  it('abort signal → aborted', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const e = await fetchError(guardedFetch(`${base}/hang`, { allow, signal: ac.signal, timeoutMs: 5000 }));
    expect(e.code).toBe('aborted');
  });
});

describe('guardedFetch refuses blocked targets before connecting', () => {
  const looked: string[] = [];
  const recordingResolver: Resolver = async (host) => {
    looked.push(host);
    // Pretend the name points at the local test server; the guard must still refuse unless allowed.
    return [{ address: '127.0.0.1', family: 4 }];
  };

  it('literal private/metadata/loopback addresses and localhost without allow list', async () => {
    hits = [];
    for (const u of ['http://10.0.0.1/feed', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/', 'http://localhost/', 'http://127.0.0.1/', 'http://[::ffff:127.0.0.1]/', 'http://0x7f.1/', 'http://[fd00:ec2::254]/']) {
      const e = await fetchError(guardedFetch(u, { resolver: recordingResolver }));
      expect(e.code, u).toBe('blocked_address');
      expect(e.kind).toBe('permanent');
    }
    expect(looked).toEqual([]);
    expect(hits).toEqual([]);
  });

  it('a name that resolves to a blocked address is refused at lookup (DNS rebinding)', async () => {
    hits = [];
    const port = (server.address() as AddressInfo).port;
    const e = await fetchError(guardedFetch(`http://feed.example.test:${port}/ok`, { resolver: recordingResolver }));
    expect(e.code).toBe('blocked_address');
    expect(e.message).toContain('127.0.0.1');
    expect(looked).toContain('feed.example.test');
    expect(hits).toEqual([]);
  });

  it('the same name passes when its address is allowed, and when the host is allowed', async () => {
    const port = (server.address() as AddressInfo).port;
    const r = await guardedFetch(`http://feed.example.test:${port}/ok`, { resolver: recordingResolver, allow });
    expect(r.status).toBe(200);
    const r2 = await guardedFetch(`http://feed.example.test:${port}/ok`, { resolver: recordingResolver, allow: parseAllowList('feed.example.test') });
    expect(r2.status).toBe(200);
  });

  it('the lookup rejects when ANY resolved address is blocked', async () => {
    const resolver: Resolver = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.1.2.3', family: 4 },
    ];
    const lookup = createGuardedLookup('http://mixed.example.test/', parseAllowList(undefined), resolver);
    const err = await new Promise<unknown>((resolve) => lookup('mixed.example.test', { all: true }, (e) => resolve(e)));
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).code).toBe('blocked_address');
  });

  it('credentials and non-http schemes are bad_url', async () => {
    expect((await fetchError(guardedFetch('http://user:pw@example.org/', {}))).code).toBe('bad_url');
    expect((await fetchError(guardedFetch('file:///etc/passwd', {}))).code).toBe('bad_url');
    expect((await fetchError(guardedFetch('not a url', {}))).code).toBe('bad_url');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).toBe(30_000);
    const now = Date.parse('2024-05-01T00:00:00Z');
    expect(parseRetryAfter('Wed, 01 May 2024 00:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Tue, 30 Apr 2024 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
  });
});
