// Bearer API keys. Each /v1 route declares the least role it needs in its route config
// (`config: { role: 'viewer' }`); routes without a role (/health, /docs) are public, and a /v1 route
// that forgets to declare one fails the app's start-up instead of going out unprotected.
//
// Verified keys are cached for `ttlMs` (default 30 s) so a busy client does not cost a hash and a
// query per request; the price is that revoking a key takes up to that long to bite. Unknown keys
// are cached too, so retrying a bad key does not reach the database either.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../../shared/db/index.ts';
import { roleAtLeast, verifyApiKey, type Role } from '../../../shared/db/repositories/keys.ts';
import { AppError } from '../errors.ts';

export interface ApiKeyIdentity {
  id: number;
  role: Role;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Least role a caller needs; absent = public route. */
    role?: Role;
  }
  interface FastifyRequest {
    apiKey: ApiKeyIdentity | null;
  }
}

// Our keys are `btm_` + 32 characters; anything much longer is not a key and is not worth caching.
const MAX_KEY_LENGTH = 200;

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const m = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(header);
  return m ? m[1]! : null;
}

interface Entry {
  expires: number;
  result: Promise<ApiKeyIdentity | null>;
  settled: ApiKeyIdentity | null | undefined;
}

export class KeyVerifier {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 10_000,
  ) {}

  /** The key's identity, from the cache when fresh; concurrent checks of one key share one query. */
  verify(key: string): Promise<ApiKeyIdentity | null> {
    if (key.length > MAX_KEY_LENGTH) return Promise.resolve(null);
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.expires > now) return hit.result;
    if (hit) this.cache.delete(key);
    const entry: Entry = { expires: now + this.ttlMs, result: verifyApiKey(this.db, key), settled: undefined };
    entry.result.then(
      (r) => (entry.settled = r),
      () => this.cache.get(key) === entry && this.cache.delete(key), // a failed lookup is not remembered
    );
    if (this.cache.size >= this.maxEntries) {
      // Map iterates in insertion order: drop the oldest entry.
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(key, entry);
    return entry.result;
  }

  /** Synchronous look at the cache only: the identity when this key was verified recently, else null. */
  peek(key: string): ApiKeyIdentity | null {
    const hit = this.cache.get(key);
    return hit && hit.expires > Date.now() ? (hit.settled ?? null) : null;
  }
}

const unauthorized = (message: string) => new AppError('unauthorized', 401, message);

/**
 * Installs the check on the root instance. It runs as a preParsing hook: after the rate limiter
 * (an onRequest hook, so floods of bad keys are limited per IP) and before any request body is read.
 */
export function installAuth(app: FastifyInstance, verifier: KeyVerifier): void {
  app.decorateRequest('apiKey', null);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/v1/') && !route.config?.role) {
      throw new Error(`route ${route.method} ${route.url} declares no role; every /v1 route must`);
    }
  });

  app.addHook('preParsing', async (request, reply, payload) => {
    const need = request.routeOptions.config.role;
    if (!need) return payload;
    const token = bearerToken(request);
    if (!token) {
      reply.header('WWW-Authenticate', 'Bearer realm="bitim"');
      throw unauthorized('Missing API key: send Authorization: Bearer <key>');
    }
    const identity = await verifier.verify(token);
    if (!identity) {
      reply.header('WWW-Authenticate', 'Bearer realm="bitim", error="invalid_token"');
      throw unauthorized('Invalid or revoked API key');
    }
    request.apiKey = identity;
    if (!roleAtLeast(identity.role, need)) {
      throw new AppError('forbidden', 403, `This route needs the ${need} role; the key has ${identity.role}`);
    }
    return payload;
  });
}
