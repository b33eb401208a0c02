// The one place that reads process.env. Everything else receives a typed Config.
// Defaults make the embedded mode (PGlite + BullMQ's PostgreSQL backend, one process) work untouched.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type QueueBackend = 'redis' | 'postgres';

export interface Config {
  /** 'embedded': PGlite under dataDir; 'server': DATABASE_URL. */
  mode: 'embedded' | 'server';
  dataDir: string;
  database: {
    /** null in embedded mode: the URL is only known once PGlite's socket listens. */
    url: string | null;
    poolMax: number;
  };
  queue: {
    backend: QueueBackend;
    redisUrl: string | null;
    /** Namespaces every queue; tests use a unique one each. */
    prefix: string;
  };
  api: { host: string; port: number; rateLimitPerMinute: number; docs: boolean };
  fetch: {
    allowHosts: string;
    timeoutMs: number;
    connectTimeoutMs: number;
    maxBytes: number;
    maxRedirects: number;
    userAgent: string;
  };
  ingest: {
    concurrency: number;
    /** Default polling interval for new feeds, minutes. */
    defaultIntervalMin: number;
    /** How often the scheduler looks for due feeds, seconds. */
    tickSeconds: number;
    /** Load the shipped starter feed list into an empty database. */
    seedStarterFeeds: boolean;
  };
  score: { concurrency: number };
  worker: { lockDurationMs: number; stalledIntervalMs: number };
  log: { level: string };
}

export class ConfigError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(`Invalid configuration ${key}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, key: string, dflt: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(key, `expected an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return n;
}

function bool(env: Env, key: string, dflt: boolean): boolean {
  const raw = env[key];
  if (raw === undefined || raw === '') return dflt;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(key, `expected true or false, got ${JSON.stringify(raw)}`);
}

function url(env: Env, key: string, schemes: string[]): string | null {
  const raw = env[key];
  if (raw === undefined || raw === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(key, `not a URL: ${JSON.stringify(raw)}`);
  }
  if (!schemes.includes(parsed.protocol.replace(/:$/, ''))) {
    throw new ConfigError(key, `expected a ${schemes.join(' or ')} URL, got ${parsed.protocol}//…`);
  }
  return raw;
}

function oneOf<T extends string>(env: Env, key: string, allowed: readonly T[], dflt: T): T {
  const raw = env[key];
  if (raw === undefined || raw === '') return dflt;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(key, `expected one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
  }
  return raw as T;
}

/** Optional JSON config file: BITIM_CONFIG, else ./bitim.config.json. Keys are env names. */
function readConfigFile(env: Env, cwd: string): Env {
  const path = env.BITIM_CONFIG ? resolve(cwd, env.BITIM_CONFIG) : resolve(cwd, 'bitim.config.json');
  if (!existsSync(path)) {
    if (env.BITIM_CONFIG) throw new ConfigError('BITIM_CONFIG', `file not found: ${path}`);
    return {};
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError('BITIM_CONFIG', `${path} is not valid JSON (${(err as Error).message})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError('BITIM_CONFIG', `${path} must hold a JSON object of VARIABLE: value pairs`);
  }
  const out: Env = {};
  for (const [k, v] of Object.entries(data)) {
    if (v !== null && typeof v === 'object') throw new ConfigError(k, `in ${path}: expected a string, number or boolean`);
    out[k] = v === null ? undefined : String(v);
  }
  return out;
}

/** Parse and validate configuration once at start-up. The environment wins over the file. */
export function loadConfig(processEnv: Env = process.env, cwd = process.cwd()): Config {
  const env: Env = { ...readConfigFile(processEnv, cwd), ...processEnv };
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres', 'postgresql']);
  const redisUrl = url(env, 'REDIS_URL', ['redis', 'rediss']);
  const prefix = env.QUEUE_PREFIX || 'bitim';
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(prefix)) throw new ConfigError('QUEUE_PREFIX', 'use 1-40 letters, digits, _ or -');
  return {
    mode: databaseUrl ? 'server' : 'embedded',
    dataDir: resolve(cwd, env.BITIM_DATA_DIR || 'data'),
    database: { url: databaseUrl, poolMax: int(env, 'DATABASE_POOL_MAX', 10, 1, 200) },
    queue: { backend: redisUrl ? 'redis' : 'postgres', redisUrl, prefix },
    api: {
      host: env.HOST || '127.0.0.1',
      port: int(env, 'PORT', 3000, 0, 65535),
      rateLimitPerMinute: int(env, 'API_RATE_LIMIT', 600, 1, 1_000_000),
      docs: bool(env, 'API_DOCS', true),
    },
    fetch: {
      allowHosts: env.FETCH_ALLOW_HOSTS || '',
      timeoutMs: int(env, 'FETCH_TIMEOUT_MS', 30_000, 100, 600_000),
      connectTimeoutMs: int(env, 'FETCH_CONNECT_TIMEOUT_MS', 10_000, 100, 120_000),
      maxBytes: int(env, 'FETCH_MAX_BYTES', 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      maxRedirects: int(env, 'FETCH_MAX_REDIRECTS', 5, 0, 20),
      userAgent: env.FETCH_USER_AGENT || 'Bitim/0.1 (conflict early-warning monitor; +https://github.com/bitim)',
    },
    ingest: {
      // Polls wait on the network far more than they compute: 8 in flight keep a worker busy.
      concurrency: int(env, 'INGEST_CONCURRENCY', 8, 1, 256),
      defaultIntervalMin: int(env, 'FEED_INTERVAL_MIN', 15, 1, 24 * 60),
      tickSeconds: int(env, 'SCHEDULER_TICK_SECONDS', 30, 1, 3600),
      seedStarterFeeds: bool(env, 'SEED_STARTER_FEEDS', true),
    },
    score: { concurrency: int(env, 'SCORE_CONCURRENCY', 2, 1, 256) },
    worker: {
      lockDurationMs: int(env, 'WORKER_LOCK_MS', 30_000, 1000, 3_600_000),
      stalledIntervalMs: int(env, 'WORKER_STALLED_INTERVAL_MS', 30_000, 1000, 3_600_000),
    },
    log: { level: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info') },
  };
}
