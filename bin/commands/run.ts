// Long-running roles: `start` (all in one), `api`, `worker ingest|score`. Shut down gracefully on
// SIGINT/SIGTERM: stop taking work, finish current jobs, close connections.
import type { Config } from '../../shared/config/index.ts';
import { openDatabase } from '../../shared/db/index.ts';
import { createLogger } from '../../shared/log.ts';
import { firstStart, openRuntime, startRoles, type Role } from '../../services/runtime.ts';
import { UsageError } from './usage-error.ts';

export async function runRoles(config: Config, cmd: 'start' | 'api' | 'worker', kind?: string): Promise<number> {
  let roles: Role[];
  if (cmd === 'start') roles = ['api', 'ingest', 'score'];
  else if (cmd === 'api') roles = ['api'];
  else if (kind === 'ingest' || kind === 'score') roles = [kind];
  else throw new UsageError('worker kind must be "ingest" or "score"');

  const rt = await openRuntime(config);
  const first = await firstStart(rt);
  const running = await startRoles(rt, roles);
  const { log } = rt;
  log.info({ roles, mode: config.mode, queue: config.queue.backend }, 'bitim running');
  if (running.app) {
    const addr = running.app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.api.port;
    process.stderr.write(`\nBitim is running: http://${config.api.host}:${port}  (API docs: /docs)\n`);
    if (first.adminKeyFile) process.stderr.write(`A local admin API key was created on first start: ${first.adminKeyFile}\n`);
    if (first.seededFeeds) process.stderr.write(`Loaded ${first.seededFeeds} starter feeds of Kazakhstan outlets.\n`);
    process.stderr.write('\n');
  }
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        log.warn('second signal: exiting now');
        process.exit(1);
      }
      stopping = true;
      log.info({ signal }, 'shutting down');
      const force = setTimeout(() => {
        log.error('graceful shutdown timed out');
        process.exit(1);
      }, 30_000);
      force.unref();
      running
        .stop()
        .then(() => rt.close())
        .catch((err) => log.error({ err }, 'error during shutdown'))
        .finally(resolve);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}

export async function migrateCommand(config: Config, json: boolean): Promise<number> {
  const log = createLogger(config.log.level);
  const handle = await openDatabase(config, log, { migrate: false });
  try {
    const { migrateToLatest } = await import('../../shared/db/migrate.ts');
    const applied = await migrateToLatest(handle.db);
    process.stdout.write(json ? JSON.stringify({ applied }) + '\n' : applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n');
    return 0;
  } finally {
    await handle.close();
  }
}
