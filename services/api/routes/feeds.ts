// Feeds: the list with polling health (viewer), adding and removing feeds (admin), the fetch log
// (viewer) and a manual poll (analyst).
import { randomBytes } from 'node:crypto';
import { Type } from 'typebox';
import { addFeeds, findFeed, listFeedsWithHealth, recentFetches, removeFeed, type FeedWithHealth } from '../../../shared/db/repositories/feeds.ts';
import { FetchError } from '../../../shared/feeds/errors.ts';
import { checkUrl } from '../../../shared/feeds/net-guard.ts';
import { jobIds } from '../../../shared/queue/index.ts';
import { AppError, notFound } from '../errors.ts';
import { authErrors, ErrorResponse, IdParams } from '../schemas/common.ts';
import { CreateFeedBody, Feed, FeedList, FetchLogList, FetchLogQuery, PollAccepted, type FeedDto } from '../schemas/feeds.ts';
import type { ApiDeps, ApiInstance } from '../types.ts';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function feedDto(f: FeedWithHealth): FeedDto {
  return {
    id: f.id,
    url: f.url,
    title: f.title,
    outlet: f.outlet,
    lang: f.lang,
    region: f.region_kato,
    intervalMin: f.interval_min,
    fullText: f.full_text,
    enabled: f.enabled,
    disabledReason: f.disabled_reason,
    nextCheckAt: iso(f.next_check_at)!,
    lastCheckedAt: iso(f.last_checked_at),
    lastSuccessAt: iso(f.last_success_at),
    lastStatus: f.last_status,
    lastError: f.last_error,
    consecutiveFailures: f.consecutive_failures,
    articleCount: f.articleCount,
    health: f.health,
  };
}

export default async function feedRoutes(app: ApiInstance, deps: ApiDeps) {
  app.get(
    '/v1/feeds',
    {
      config: { role: 'viewer' },
      schema: { tags: ['feeds'], summary: 'All feeds with their polling health over the last 24 h', response: { 200: FeedList, ...authErrors } },
    },
    async () => ({ items: (await listFeedsWithHealth(deps.db)).map(feedDto) }),
  );

  app.post(
    '/v1/feeds',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['feeds'],
        summary: 'Add a feed; it is polled on the next scheduler tick',
        body: CreateFeedBody,
        response: { 201: Feed, ...authErrors, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const body = request.body;
      let url: URL;
      try {
        // Static SSRF check only (scheme, credentials, literal private addresses, local names);
        // names that resolve to private addresses are refused by the fetcher at connect time.
        url = checkUrl(body.url, deps.allow);
      } catch (err) {
        if (err instanceof FetchError) throw new AppError(err.code, 400, `body/url: ${err.message.replace(/^fetch .* failed: /, '')}`);
        throw err;
      }
      const { added } = await addFeeds(deps.db, [
        {
          url: url.href,
          lang: body.lang ?? null,
          regionKato: body.region ?? null,
          intervalMin: body.intervalMin ?? deps.config.ingest.defaultIntervalMin,
          fullText: body.fullText ?? false,
          source: 'user',
        },
      ]);
      const feed = added[0];
      if (!feed) {
        const existing = await findFeed(deps.db, url.href);
        throw new AppError('conflict', 409, `Feed ${url.href} already exists${existing ? ` (id ${existing.id})` : ''}`);
      }
      request.log.info({ feedId: feed.id, url: feed.url, by: request.apiKey?.id }, 'feed added');
      const health = { fetches24h: 0, failures24h: 0, newItems24h: 0, lastOutcome: null, lastErrorCode: null };
      return reply.status(201).send(feedDto({ ...feed, articleCount: 0, health }));
    },
  );

  app.delete(
    '/v1/feeds/:id',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['feeds'],
        summary: 'Remove a feed with its articles and fetch log',
        params: IdParams,
        response: { 204: Type.Null({ description: 'Removed' }), ...authErrors, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (!(await removeFeed(deps.db, request.params.id))) throw notFound(`Feed ${request.params.id}`);
      request.log.info({ feedId: request.params.id, by: request.apiKey?.id }, 'feed removed');
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/v1/feeds/:id/fetches',
    {
      config: { role: 'viewer' },
      schema: {
        tags: ['feeds'],
        summary: "The feed's most recent fetch attempts, newest first",
        params: IdParams,
        querystring: FetchLogQuery,
        response: { 200: FetchLogList, ...authErrors, 404: ErrorResponse },
      },
    },
    async (request) => {
      const feed = await findFeed(deps.db, request.params.id);
      if (!feed) throw notFound(`Feed ${request.params.id}`);
      const rows = await recentFetches(deps.db, feed.id, request.query.limit);
      return {
        items: rows.map((r) => ({
          id: Number(r.id),
          startedAt: new Date(r.started_at).toISOString(),
          durationMs: r.duration_ms,
          outcome: r.outcome,
          httpStatus: r.http_status,
          bytes: r.bytes,
          items: r.items,
          newItems: r.new_items,
          duplicates: r.duplicates,
          errorCode: r.error_code,
          error: r.error,
        })),
      };
    },
  );

  app.post(
    '/v1/feeds/:id/poll',
    {
      config: { role: 'analyst' },
      schema: {
        tags: ['feeds'],
        summary: 'Queue a poll of this feed now',
        params: IdParams,
        response: { 202: PollAccepted, ...authErrors, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const feed = await findFeed(deps.db, request.params.id);
      if (!feed) throw notFound(`Feed ${request.params.id}`);
      // The fetch worker skips disabled feeds; say so instead of accepting a poll that will not happen.
      if (!feed.enabled) throw new AppError('feed_disabled', 409, `Feed ${feed.id} is disabled (${feed.disabled_reason ?? 'no reason recorded'})`);
      const jobId = jobIds.manualFetch(feed.id, randomBytes(6).toString('hex'));
      await deps.queues.add('fetch-feed', { feedId: feed.id, reason: 'manual' }, { jobId });
      request.log.info({ feedId: feed.id, jobId, by: request.apiKey?.id }, 'manual poll queued');
      return reply.status(202).send({ queued: true, jobId });
    },
  );
}
