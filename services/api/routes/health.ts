// Liveness + readiness in one: 200 when the database and the queue backend both answer in time.
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import { ENGINE_VERSION } from '../../../shared/analysis/engine.ts';
import { HealthResponse } from '../schemas/health.ts';
import type { ApiDeps, ApiInstance } from '../types.ts';

// Short on purpose: a probe that hangs is worse than one that says "timeout".
const CHECK_TIMEOUT_MS = 2000;

type CheckResult = 'ok' | 'error' | 'timeout';

async function check(what: string, log: FastifyBaseLogger, run: () => Promise<unknown>): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), CHECK_TIMEOUT_MS);
  });
  try {
    const outcome = await Promise.race([run().then(() => 'ok' as const), timeout]);
    if (outcome === 'timeout') log.warn({ check: what, timeoutMs: CHECK_TIMEOUT_MS }, 'health check timed out');
    return outcome;
  } catch (err) {
    log.warn({ check: what, err }, 'health check failed');
    return 'error';
  } finally {
    clearTimeout(timer);
  }
}

export default async function healthRoutes(app: ApiInstance, deps: ApiDeps) {
  app.get(
    '/health',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['system'],
        summary: 'Database and queue reachability; no key needed',
        response: { 200: HealthResponse, 503: HealthResponse },
      },
    },
    async (request, reply) => {
      const [database, queue] = await Promise.all([
        check('database', request.log, () => sql`select 1`.execute(deps.db)),
        check('queue', request.log, () => deps.queues.ping()),
      ]);
      const healthy = database === 'ok' && queue === 'ok';
      return reply.status(healthy ? 200 : 503).send({
        status: healthy ? 'ok' : 'error',
        database,
        queue,
        mode: deps.config.mode,
        queueBackend: deps.config.queue.backend,
        engineVersion: ENGINE_VERSION,
      });
    },
  );
}
