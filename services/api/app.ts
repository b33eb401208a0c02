// The HTTP API as one Fastify app. `buildApp()` assembles it from the runtime's parts; tests call it
// and use `inject` (no port), `startRoles` in services/runtime.ts listens and closes it.
//
// Order matters: the rate limiter and the auth check attach to routes as they are declared, so both
// are installed before any route; swagger collects routes the same way.
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { errorHandler, notFoundHandler } from './errors.ts';
import { bearerToken, installAuth, KeyVerifier } from './plugins/auth.ts';
import analyzeRoutes from './routes/analyze.ts';
import articleRoutes from './routes/articles.ts';
import districtRoutes from './routes/districts.ts';
import feedRoutes from './routes/feeds.ts';
import healthRoutes from './routes/health.ts';
import type { ApiDeps, ApiInstance } from './types.ts';

export interface BuildOptions {
  /** Log through rt.log (default true); tests pass false. */
  logger?: boolean;
  /** How long a verified key stays trusted without asking the database; default 30 s. */
  keyCacheMs?: number;
}

export async function buildApp(rt: ApiDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify(opts.logger === false ? { logger: false } : { loggerInstance: rt.log }).withTypeProvider<TypeBoxTypeProvider>() as unknown as ApiInstance;

  app.setErrorHandler(errorHandler);

  const verifier = new KeyVerifier(rt.db, opts.keyCacheMs);

  // Per key once the key has been verified (cached), else per client IP. Keying on a key that has
  // not been verified yet would let a client dodge the limit by sending a new made-up key each time.
  await app.register(rateLimit, {
    global: true,
    max: rt.config.api.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => {
      const token = bearerToken(request);
      const known = token ? verifier.peek(token) : null;
      return known ? `key:${known.id}` : `ip:${request.ip}`;
    },
  });
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, notFoundHandler);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Bitim',
        description: 'Conflict-risk early-warning monitor for Kazakhstan: news feeds, interethnic-tension scores, district indicators.',
        version: '0.1.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'API key: `bitim keys create <role>`' } } },
      tags: [
        { name: 'system' },
        { name: 'feeds', description: 'News feeds and their polling health' },
        { name: 'articles', description: 'Stored articles and their analyses' },
        { name: 'districts', description: 'Daily indicators per district' },
        { name: 'analysis', description: 'The analysis engine on demand' },
      ],
    },
    // Routes that need a key say so in the document, with the role in the description.
    transform: ({ schema, url, route }) => {
      const role = route.config?.role;
      if (!role || !schema) return { schema, url };
      const description = [schema.description, `Needs the **${role}** role or higher.`].filter(Boolean).join('\n\n');
      return { schema: { ...schema, description, security: [{ bearer: [] }] } as typeof schema, url };
    },
  });
  if (rt.config.api.docs) await app.register(swaggerUi, { routePrefix: '/docs' });

  installAuth(app as unknown as FastifyInstance, verifier);

  await healthRoutes(app, rt);
  await feedRoutes(app, rt);
  await articleRoutes(app, rt);
  await districtRoutes(app, rt);
  await analyzeRoutes(app, rt);

  await app.ready();
  return app as unknown as FastifyInstance;
}
