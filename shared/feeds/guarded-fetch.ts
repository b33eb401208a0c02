// HTTP(S) client for untrusted URLs (feeds, article pages, alert webhooks).
//
// - SSRF: every hop's URL passes checkUrl(); names are resolved by our own `lookup`, which
//   rejects the connection if ANY resolved address is blocked (unless the host is allow-listed),
//   and Node connects only to addresses that lookup returned — a DNS rebinding answer cannot
//   slip in between check and connect. No connection pooling (agent: false).
// - Limits: connect timeout per hop, one total deadline for the whole exchange incl. redirects
//   and body, maxBytes on raw and on decompressed bytes (checked against Content-Length first).
// - Redirects: 301/302/303/307/308 followed up to maxRedirects, each hop re-checked; a revisit
//   is a loop. 303 (and 301/302 after POST) switch to GET without body. Authorization and Cookie
//   headers are dropped when a redirect leaves the origin.
import http from 'node:http';
import https from 'node:https';
import dns from 'node:dns';
import net from 'node:net';
import zlib from 'node:zlib';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { FetchError, type ErrorKind, type FetchErrorCode } from './errors.ts';
import { checkUrl, EMPTY_ALLOW_LIST, isAllowedHost, isBlockedAddress, type AllowList } from './net-guard.ts';

export { FetchError } from './errors.ts';
export type { FetchErrorCode, ErrorKind } from './errors.ts';

export const DEFAULT_USER_AGENT = 'Bitim/0.1 (+https://github.com/bitim; conflict early-warning)';
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Name resolution used by the guard; defaults to dns.lookup(all). Injectable for tests. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface GuardedFetchOptions {
  method?: 'GET' | 'POST' | 'HEAD';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Sent as If-None-Match. */
  etag?: string | null;
  /** Sent as If-Modified-Since. */
  lastModified?: string | null;
  connectTimeoutMs?: number;
  /** Total time for the exchange including redirects and body. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  allow?: AllowList;
  userAgent?: string;
  signal?: AbortSignal;
  resolver?: Resolver;
}

export interface FetchResult {
  status: number;
  /** Final URL after redirects. */
  url: string;
  /** Lower-case header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
  notModified: boolean;
  durationMs: number;
  retryAfterMs: number | null;
}

const defaultResolver: Resolver = (hostname) =>
  dns.promises.lookup(hostname, { all: true, verbatim: true }).then((r) => r.map((a) => ({ address: a.address, family: a.family })));

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

const TEMPORARY_DNS = new Set(['EAI_AGAIN', 'ETIMEOUT', 'ESERVFAIL', 'ECONNREFUSED', 'ETIMEDOUT', 'EAI_FAIL']);

/**
 * A `lookup` for http.request that resolves with `resolver` and refuses when any address is
 * blocked. Exported for tests.
 */
export function createGuardedLookup(url: string, allow: AllowList, resolver: Resolver = defaultResolver) {
  return (hostname: string, options: dns.LookupOptions | number | undefined, callback: LookupCallback): void => {
    const opts = typeof options === 'object' && options !== null ? options : {};
    const family = typeof options === 'number' ? options : (opts.family ?? 0);
    resolver(hostname).then(
      (all) => {
        const hostAllowed = isAllowedHost(hostname, allow);
        if (!hostAllowed) {
          const bad = all.find((a) => isBlockedAddress(a.address, allow));
          if (bad) {
            callback(
              new FetchError({
                code: 'blocked_address',
                kind: 'permanent',
                url,
                reason: `${hostname} resolves to ${bad.address}, which is not publicly routable`,
              }) as unknown as NodeJS.ErrnoException,
              '',
            );
            return;
          }
        }
        const wanted = family === 4 || family === 6 ? all.filter((a) => a.family === family) : all;
        if (wanted.length === 0) {
          const e = Object.assign(new Error(`no usable address for ${hostname}`), { code: 'ENOTFOUND' });
          callback(e, '');
          return;
        }
        if (opts.all) callback(null, wanted.map((a) => ({ address: a.address, family: a.family })));
        else callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, ''),
    );
  };
}

/** Retry-After: delay-seconds or an HTTP-date → milliseconds from `now` (≥ 0); null if absent/invalid. */
export function parseRetryAfter(value: string | undefined | null, now: number = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  return Math.max(0, t - now);
}

function flattenHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
  }
  return out;
}

/** Error kind for an HTTP status: 5xx, 408, 425, 429 temporary; every other status permanent. */
export function statusKind(status: number): ErrorKind {
  return status >= 500 || status === 408 || status === 425 || status === 429 ? 'temporary' : 'permanent';
}

function mapNetworkError(err: unknown, url: string): FetchError {
  if (err instanceof FetchError) return err;
  const e = err as NodeJS.ErrnoException;
  const code = e?.code ?? '';
  const msg = e?.message ?? String(err);
  if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'ENONAME') {
    // Temporary: a machine that is offline (or whose resolver is down) sees every host as unknown,
    // and that must back feeds off, not disable them all.
    return new FetchError({ code: 'dns', kind: 'temporary', url, reason: `DNS: host not found (${code})`, cause: err });
  }
  if (TEMPORARY_DNS.has(code) && e.syscall === 'getaddrinfo') {
    return new FetchError({ code: 'dns', kind: 'temporary', url, reason: `DNS temporarily failed (${code})`, cause: err });
  }
  if (code.startsWith('ERR_TLS') || code.startsWith('CERT_') || /certificate|SSL|TLS/i.test(code) || code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || code === 'SELF_SIGNED_CERT_IN_CHAIN') {
    return new FetchError({ code: 'tls', kind: 'permanent', url, reason: `TLS failure: ${code || msg}`, cause: err });
  }
  if (code === 'ERR_INVALID_URL' || code === 'ERR_UNESCAPED_CHARACTERS') {
    return new FetchError({ code: 'bad_url', kind: 'permanent', url, reason: msg, cause: err });
  }
  return new FetchError({ code: 'connection', kind: 'temporary', url, reason: `connection failed: ${code || msg}`, cause: err });
}

function decoderFor(encoding: string | undefined): Array<NodeJS.ReadWriteStream> {
  const list = (encoding ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s && s !== 'identity');
  // Content-Encoding lists codings in the order applied; undo them in reverse.
  return list.reverse().map((c) => {
    switch (c) {
      case 'gzip':
      case 'x-gzip':
        return zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
      case 'deflate':
        return createDeflateDecoder();
      case 'br':
        return zlib.createBrotliDecompress();
      default:
        throw new Error(`unsupported Content-Encoding "${c}"`);
    }
  });
}

/** "deflate" is zlib-wrapped per RFC, but some servers send raw deflate: decide on the first bytes. */
class DeflateAuto extends Transform {
  private inner: zlib.Inflate | zlib.InflateRaw | null = null;

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    if (!this.inner) {
      const zlibWrapped = chunk.length >= 2 && (chunk[0]! & 0x0f) === 8 && ((chunk[0]! << 8) | chunk[1]!) % 31 === 0;
      this.inner = zlibWrapped ? zlib.createInflate() : zlib.createInflateRaw();
      this.inner.on('data', (d: Buffer) => this.push(d));
      this.inner.on('error', (e) => this.destroy(e));
    }
    this.inner.write(chunk, () => cb());
  }

  override _flush(cb: TransformCallback): void {
    if (!this.inner) return cb();
    this.inner.once('end', () => cb());
    this.inner.end();
  }

  override _destroy(err: Error | null, cb: (error: Error | null) => void): void {
    this.inner?.destroy();
    cb(err);
  }
}

function createDeflateDecoder(): NodeJS.ReadWriteStream {
  return new DeflateAuto();
}

interface HopResult {
  kind: 'response';
  res: http.IncomingMessage;
  req: http.ClientRequest;
}

/**
 * Fetch `url` under the SSRF guard and the limits above. Resolves for 2xx and 304
 * (`notModified: true`, empty body); throws FetchError for everything else.
 */
export async function guardedFetch(url: string, opts: GuardedFetchOptions = {}): Promise<FetchResult> {
  const started = performance.now();
  const allow = opts.allow ?? EMPTY_ALLOW_LIST;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const connectTimeoutMs = opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const deadline = Date.now() + timeoutMs;

  let method: 'GET' | 'POST' | 'HEAD' = opts.method ?? 'GET';
  let body: string | Buffer | undefined = opts.body;
  let headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.headers ?? {})) headers[k.toLowerCase()] = v;
  headers['user-agent'] ??= opts.userAgent ?? DEFAULT_USER_AGENT;
  headers['accept'] ??= '*/*';
  headers['accept-encoding'] = 'gzip, deflate, br';
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;

  const visited = new Set<string>();
  let current = checkUrl(url, allow);
  for (let hop = 0; ; hop++) {
    visited.add(current.href);
    if (opts.signal?.aborted) throw new FetchError({ code: 'aborted', kind: 'temporary', url: current.href, reason: 'aborted by caller' });
    const { res, req } = await sendOne(current, method, headers, body, {
      allow,
      connectTimeoutMs,
      deadline,
      timeoutMs,
      signal: opts.signal,
      resolver: opts.resolver,
    });
    const status = res.statusCode ?? 0;
    const resHeaders = flattenHeaders(res.headers);
    const retryAfterMs = parseRetryAfter(resHeaders['retry-after']);
    const location = resHeaders['location'];
    if ([301, 302, 303, 307, 308].includes(status) && location) {
      res.destroy();
      req.destroy();
      let next: URL;
      try {
        next = new URL(location, current);
      } catch (cause) {
        throw new FetchError({ code: 'bad_url', kind: 'permanent', url: current.href, reason: `redirect to an invalid URL "${location}"`, cause });
      }
      next.hash = '';
      if (hop + 1 > maxRedirects) {
        throw new FetchError({ code: 'too_many_redirects', kind: 'permanent', url: url, reason: `more than ${maxRedirects} redirects (last to ${next.href})` });
      }
      if (visited.has(next.href)) {
        throw new FetchError({ code: 'redirect_loop', kind: 'permanent', url: url, reason: `redirect loop back to ${next.href}` });
      }
      checkUrl(next.href, allow);
      if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
        method = method === 'HEAD' ? 'HEAD' : 'GET';
        body = undefined;
        delete headers['content-type'];
      }
      if (next.origin !== current.origin) {
        headers = Object.fromEntries(Object.entries(headers).filter(([k]) => k !== 'authorization' && k !== 'cookie'));
      }
      current = next;
      continue;
    }
    if (status === 304) {
      res.destroy();
      return { status, url: current.href, headers: resHeaders, body: Buffer.alloc(0), notModified: true, durationMs: performance.now() - started, retryAfterMs };
    }
    if (status < 200 || status > 299) {
      res.destroy();
      req.destroy();
      const limited = status === 429;
      throw new FetchError({
        code: limited ? 'rate_limited' : 'http_status',
        kind: statusKind(status),
        url: current.href,
        status,
        reason: `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}${retryAfterMs !== null ? ` (retry after ${Math.round(retryAfterMs / 1000)} s)` : ''}`,
        ...(retryAfterMs !== null && (status === 429 || status === 503) ? { retryAfterMs } : {}),
      });
    }
    const bodyBuf = method === 'HEAD' || status === 204 ? (res.destroy(), Buffer.alloc(0)) : await readBody(res, req, current.href, maxBytes, deadline, timeoutMs, opts.signal);
    return { status, url: current.href, headers: resHeaders, body: bodyBuf, notModified: false, durationMs: performance.now() - started, retryAfterMs };
  }
}

function sendOne(
  target: URL,
  method: string,
  headers: Record<string, string>,
  body: string | Buffer | undefined,
  o: { allow: AllowList; connectTimeoutMs: number; deadline: number; timeoutMs: number; signal?: AbortSignal; resolver?: Resolver },
): Promise<HopResult> {
  return new Promise<HopResult>((resolve, reject) => {
    const href = target.href;
    const remaining = o.deadline - Date.now();
    if (remaining <= 0) {
      reject(new FetchError({ code: 'timeout', kind: 'temporary', url: href, reason: `no complete response within ${o.timeoutMs} ms` }));
      return;
    }
    const h = { ...headers };
    const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
    if (payload) h['content-length'] = String(payload.length);
    const mod = target.protocol === 'https:' ? https : http;
    const hostname = target.hostname.startsWith('[') ? target.hostname.slice(1, -1) : target.hostname;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const cleanup = () => {
      for (const t of timers) clearTimeout(t);
      o.signal?.removeEventListener('abort', onAbort);
    };
    const fail = (err: FetchError) => {
      if (settled) return;
      settled = true;
      cleanup();
      req.destroy();
      reject(err);
    };
    const onAbort = () => fail(new FetchError({ code: 'aborted', kind: 'temporary', url: href, reason: 'aborted by caller' }));
    const req = mod.request({
      protocol: target.protocol,
      hostname,
      port: target.port || undefined,
      path: `${target.pathname}${target.search}`,
      method,
      headers: h,
      agent: false,
      lookup: createGuardedLookup(href, o.allow, o.resolver) as unknown as net.LookupFunction,
      servername: net.isIP(hostname) ? undefined : hostname,
    });
    timers.push(
      setTimeout(() => fail(new FetchError({ code: 'timeout', kind: 'temporary', url: href, reason: `no complete response within ${o.timeoutMs} ms` })), remaining),
    );
    const connectTimer = setTimeout(
      () => fail(new FetchError({ code: 'connect_timeout', kind: 'temporary', url: href, reason: `could not connect within ${o.connectTimeoutMs} ms` })),
      o.connectTimeoutMs,
    );
    timers.push(connectTimer);
    req.on('socket', (sock: net.Socket) => {
      if (!sock.connecting) clearTimeout(connectTimer);
      else sock.once('connect', () => clearTimeout(connectTimer));
    });
    o.signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (err) => fail(mapNetworkError(err, href)));
    req.on('response', (res) => {
      if (settled) {
        res.destroy();
        return;
      }
      settled = true;
      // The total deadline keeps running while the body is read (readBody sets its own timer).
      cleanup();
      resolve({ kind: 'response', res, req });
    });
    if (payload) req.end(payload);
    else req.end();
  });
}

function readBody(
  res: http.IncomingMessage,
  req: http.ClientRequest,
  url: string,
  maxBytes: number,
  deadline: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      res.destroy();
      req.destroy();
      reject(new FetchError({ code: 'too_large', kind: 'permanent', url, reason: `Content-Length ${declared} exceeds the ${maxBytes}-byte limit` }));
      return;
    }
    let decoders: NodeJS.ReadWriteStream[];
    try {
      decoders = decoderFor(res.headers['content-encoding']);
    } catch (cause) {
      res.destroy();
      req.destroy();
      reject(new FetchError({ code: 'decompress', kind: 'permanent', url, reason: (cause as Error).message, cause }));
      return;
    }
    let stream: Readable = res;
    for (const d of decoders) stream = stream.pipe(d) as unknown as Readable;
    const chunks: Buffer[] = [];
    let raw = 0;
    let size = 0;
    let done = false;
    const timer = setTimeout(
      () => finish(new FetchError({ code: 'timeout', kind: 'temporary', url, reason: `body not complete within ${timeoutMs} ms` })),
      Math.max(0, deadline - Date.now()),
    );
    const onAbort = () => finish(new FetchError({ code: 'aborted', kind: 'temporary', url, reason: 'aborted by caller' }));
    signal?.addEventListener('abort', onAbort, { once: true });
    function finish(err: FetchError | null) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (err) {
        res.destroy();
        req.destroy();
        for (const d of decoders) (d as unknown as Readable).destroy();
        reject(err);
      } else {
        resolve(Buffer.concat(chunks, size));
      }
    }
    const tooLarge = (what: string) =>
      finish(new FetchError({ code: 'too_large', kind: 'permanent', url, reason: `${what} body exceeds the ${maxBytes}-byte limit` }));
    res.on('data', (c: Buffer) => {
      raw += c.length;
      if (raw > maxBytes) tooLarge('raw');
    });
    stream.on('data', (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (size > maxBytes) {
        tooLarge(decoders.length ? 'decompressed' : 'response');
        return;
      }
      chunks.push(c);
    });
    stream.on('end', () => finish(null));
    stream.on('error', (err) =>
      finish(
        decoders.length && !(err as NodeJS.ErrnoException).code?.startsWith('ECONN')
          ? new FetchError({ code: 'decompress', kind: 'temporary', url, reason: `corrupt ${res.headers['content-encoding']} body: ${err.message}`, cause: err })
          : mapNetworkError(err, url),
      ),
    );
    res.on('error', (err) => finish(mapNetworkError(err, url)));
    res.on('aborted', () => finish(new FetchError({ code: 'connection', kind: 'temporary', url, reason: 'connection closed before the body was complete' })));
    res.on('close', () => {
      if (!res.complete) finish(new FetchError({ code: 'connection', kind: 'temporary', url, reason: 'connection closed before the body was complete' }));
    });
  });
}

export type { AllowList } from './net-guard.ts';
export type { FetchErrorCode as GuardedFetchErrorCode };
