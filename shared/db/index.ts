// Database access: one Kysely instance over `pg`, whatever serves it (PostgreSQL or embedded PGlite).
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config/index.ts';
import { openEmbedded } from './embedded.ts';
import { migrateToLatest } from './migrate.ts';
import { statementName } from './prepared.ts';
import type { Database } from './schema.ts';

// int8 (bigserial ids, count(*)) as numbers: our ids and counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// `date` as 'YYYY-MM-DD', not a Date at local midnight.
pg.types.setTypeParser(1082, (v) => v);

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  /** Connection string every other client (BullMQ's PostgreSQL backend) uses. */
  url: string;
  embeddedOwner: boolean;
  close(): Promise<void>;
}

export async function openDatabase(config: Config, log: Logger, opts: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  const embedded = config.database.url ? null : await openEmbedded(config.dataDir, log);
  const url = config.database.url ?? embedded!.url;
  const pool = new pg.Pool({ connectionString: url, max: config.database.poolMax });
  // pg attaches the whole client to this error; log what an operator can act on, not the client.
  let closing = false;
  pool.on('error', (err) => {
    const code = (err as Error & { code?: string }).code;
    // pool.end() does not wait for the server to see its clients go: a database dropped right after
    // close() (tests, the bench) terminates them, which is no failure of a pool already closed.
    if (closing) log.debug({ code, error: err.message }, 'database connection ended after close');
    else log.error({ code, error: err.message }, 'idle database connection failed');
  });
  // pglite-socket hangs on named prepared statements: the embedded database gets plain ones.
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: embedded ? pool : withNamedStatements(pool) }) });
  try {
    await db.selectNoFrom((eb) => eb.val(1).as('ok')).execute();
    if (opts.migrate !== false) {
      const applied = await migrateToLatest(db);
      if (applied.length) log.info({ applied }, 'migrations applied');
    }
  } catch (err) {
    await db.destroy().catch(() => {});
    await embedded?.close();
    throw new Error(`Cannot use the database at ${redact(url)}: ${(err as Error).message}`, { cause: err });
  }
  return {
    db,
    url,
    embeddedOwner: embedded?.owner ?? false,
    async close() {
      closing = true;
      await db.destroy();
      await embedded?.close();
    },
  };
}

/**
 * The pool as Kysely sees it: statements compiled once with `named` (prepared.ts) run as named prepared
 * statements, everything else as before. One wrapper per pooled client, as Kysely keys its connection
 * objects by client.
 */
function withNamedStatements(pool: pg.Pool) {
  const wrappers = new WeakMap<pg.PoolClient, { query: (...args: any[]) => any; release: () => void }>();
  return {
    async connect() {
      const client = await pool.connect();
      let w = wrappers.get(client);
      if (!w) {
        w = {
          query: (text: any, values?: unknown[]) => {
            const name = typeof text === 'string' ? statementName(text) : undefined;
            return name ? client.query({ name, text, values: values as unknown[] }) : client.query(text, values as unknown[]);
          },
          release: () => client.release(),
        };
        wrappers.set(client, w);
      }
      return w;
    },
    end: () => pool.end(),
  };
}

export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}
