// Articles, newest first, with their stored analysis; keyset-paginated with an opaque cursor.
import type { AnalysisResult } from '../../../shared/analysis/types.ts';
import { decodeCursor, listArticles } from '../../../shared/db/repositories/articles.ts';
import { KZ_OFFSET_MS } from '../../../shared/time.ts';
import { badRequest } from '../errors.ts';
import { ArticlePage, ArticlesQuery } from '../schemas/articles.ts';
import { authErrors } from '../schemas/common.ts';
import type { ApiDeps, ApiInstance } from '../types.ts';

const DAY_MS = 24 * 3600 * 1000;

/**
 * A query date: `YYYY-MM-DD` is a Kazakhstan calendar day (UTC+5) — its start, or with `endOfDay`
 * the start of the next day, so `to=2026-11-20` includes the 20th; a date-time is taken as given.
 */
export function parseQueryDate(field: string, value: string, endOfDay: boolean): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = new Date(`${value}T00:00:00Z`).getTime() - KZ_OFFSET_MS;
    // Date.parse accepts 2026-02-30 as 2 March on some engines; insist on a real calendar day.
    if (Number.isNaN(start) || new Date(start + KZ_OFFSET_MS).toISOString().slice(0, 10) !== value) {
      throw badRequest(`querystring/${field} is not a valid date: ${value}`);
    }
    return new Date(endOfDay ? start + DAY_MS : start);
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw badRequest(`querystring/${field} is not a valid date-time: ${value}`);
  return d;
}

export default async function articleRoutes(app: ApiInstance, deps: ApiDeps) {
  app.get(
    '/v1/articles',
    {
      config: { role: 'viewer' },
      schema: {
        tags: ['articles'],
        summary: 'Articles with their tension analysis, newest first',
        description:
          'Filters combine with AND. Articles not scored yet have `tension: null` and are left out by the district, region, lang and minScore filters. Pass `nextCursor` back as `cursor` for the next page; it is null on the last page.',
        querystring: ArticlesQuery,
        response: { 200: ArticlePage, ...authErrors },
      },
    },
    async (request) => {
      const q = request.query;
      const from = q.from !== undefined ? parseQueryDate('from', q.from, false) : undefined;
      const to = q.to !== undefined ? parseQueryDate('to', q.to, true) : undefined;
      if (from && to && from >= to) throw badRequest('querystring/from must be before querystring/to');
      let cursor: ReturnType<typeof decodeCursor> = null;
      if (q.cursor !== undefined) {
        cursor = decodeCursor(q.cursor);
        if (!cursor) throw badRequest('querystring/cursor is not a cursor this API issued');
      }
      const { rows, nextCursor } = await listArticles(deps.db, {
        district: q.district,
        region: q.region,
        lang: q.lang,
        minScore: q.minScore,
        from,
        to,
        feedId: q.feed,
        limit: q.limit,
        cursor,
      });
      return {
        nextCursor,
        items: rows.map((r) => {
          const a = (r.result ?? null) as AnalysisResult | null;
          return {
            id: Number(r.id),
            url: r.url,
            title: r.title,
            published: new Date(r.published_at).toISOString(),
            feed: { id: r.feed_id, url: r.feed_url, title: r.feed_title ?? r.feed_outlet },
            lang: a?.lang ?? r.lang_hint,
            tension: a ? a.tension : null,
            evidence: a?.evidence ?? [],
            places: a?.places ?? [],
            district: a?.district ?? null,
            region: a?.region ?? null,
            storyId: r.story_id === null ? null : Number(r.story_id),
            reports: r.report_count ?? null,
            engineVersion: r.engine_version,
          };
        }),
      };
    },
  );
}
