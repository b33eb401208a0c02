// Error types of the ingestion layer. Every error carries a machine-readable `code` and a
// `kind` that tells the scheduler whether retrying can help ('temporary') or not ('permanent').

export type ErrorKind = 'temporary' | 'permanent';

export type FetchErrorCode =
  | 'bad_url' // unparsable URL, non-http(s) scheme, credentials in the URL  → permanent
  | 'blocked_address' // SSRF guard refused the target address/name            → permanent
  | 'dns' // name resolution failed (temporary: offline machines see every host as unknown)
  | 'connect_timeout' // TCP connect did not finish within connectTimeoutMs   → temporary
  | 'timeout' // whole exchange (incl. body) exceeded timeoutMs                 → temporary
  | 'connection' // reset / refused / unreachable / socket hang up             → temporary
  | 'tls' // certificate or handshake failure                                 → permanent
  | 'too_large' // body (raw or decompressed) above maxBytes                   → permanent
  | 'decompress' // corrupt gzip/deflate/br stream                             → temporary
  | 'too_many_redirects' // more than maxRedirects hops                        → permanent
  | 'redirect_loop' // a hop returned to an already visited URL                → permanent
  | 'http_status' // non-2xx/304 answer (5xx/408 temporary, other 4xx permanent)
  | 'rate_limited' // 429                                                       → temporary
  | 'aborted'; // the caller's AbortSignal fired                                → temporary

export class FetchError extends Error {
  readonly code: FetchErrorCode;
  readonly kind: ErrorKind;
  readonly url: string;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(init: {
    code: FetchErrorCode;
    kind: ErrorKind;
    url: string;
    reason: string;
    status?: number;
    retryAfterMs?: number;
    cause?: unknown;
  }) {
    super(`fetch ${init.url} failed: ${init.reason}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'FetchError';
    this.code = init.code;
    this.kind = init.kind;
    this.url = init.url;
    if (init.status !== undefined) this.status = init.status;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }
}

export type FeedParseErrorCode = 'empty' | 'not_a_feed' | 'parse_error';

/** The body could not be turned into a feed. Always permanent: the same bytes fail the same way. */
export class FeedParseError extends Error {
  readonly code: FeedParseErrorCode;
  readonly kind: ErrorKind = 'permanent';
  readonly url: string;

  constructor(init: { code: FeedParseErrorCode; url: string; reason: string; cause?: unknown }) {
    super(`feed ${init.url}: ${init.reason}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'FeedParseError';
    this.code = init.code;
    this.url = init.url;
  }
}
