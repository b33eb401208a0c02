// Every district-level unit of Kazakhstan with its counters for one Kazakhstan calendar day.
import { getUnit, listUnits, type AdminUnit } from '../../../shared/analysis/geo/index.ts';
import { unitCountersForDay } from '../../../shared/db/repositories/analyses.ts';
import { kzDay } from '../../../shared/time.ts';
import { badRequest } from '../errors.ts';
import { authErrors } from '../schemas/common.ts';
import { DistrictList, DistrictsQuery } from '../schemas/districts.ts';
import type { ApiDeps, ApiInstance } from '../types.ts';

/** The units a mediator watches: districts, cities of regional and republican rank, city districts. */
const DISTRICT_LEVELS = new Set<AdminUnit['level']>(['district', 'city_regional', 'city_district', 'city_republican']);

export default async function districtRoutes(app: ApiInstance, deps: ApiDeps) {
  app.get(
    '/v1/districts',
    {
      config: { role: 'viewer' },
      schema: {
        tags: ['districts'],
        summary: "District-level units with one day's counters",
        description:
          'All districts, regional and republican cities and city districts, each with the counters of the given Kazakhstan day (UTC+5; default today). Units without articles that day have zero counters. A republican city (Almaty, Astana, Shymkent) is its own region.',
        querystring: DistrictsQuery,
        response: { 200: DistrictList, ...authErrors },
      },
    },
    async (request) => {
      const day = request.query.day ?? kzDay(new Date());
      const regionFilter = request.query.region;
      if (regionFilter !== undefined) {
        const r = getUnit(regionFilter);
        if (!r || (r.level !== 'region' && r.level !== 'city_republican')) {
          throw badRequest(`querystring/region ${regionFilter} is not the KATO code of a region or republican city`);
        }
      }
      const rows = await unitCountersForDay(deps.db, day);
      // (day, kato) is unique in unit_daily, so one row at most per unit.
      const byKato = new Map(rows.map((r) => [r.kato, r]));
      const items = listUnits()
        .filter((u) => DISTRICT_LEVELS.has(u.level) && (regionFilter === undefined || u.region === regionFilter))
        .map((u) => {
          const region = getUnit(u.region);
          const row = byKato.get(u.kato);
          const articles = row ? Number(row.articles) : 0;
          return {
            kato: u.kato,
            name: u.name,
            level: u.level,
            region: { kato: u.region, name: region ? region.name : u.name },
            today: {
              articles,
              stories: row ? Number(row.stories) : 0,
              flagged: row ? Number(row.flagged) : 0,
              flaggedStories: row ? Number(row.flagged_stories) : 0,
              meanScore: articles > 0 ? Number(row!.score_sum) / articles : 0,
              maxScore: row ? Number(row.score_max) : 0,
            },
          };
        });
      return { day, items };
    },
  );
}
