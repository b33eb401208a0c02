import { Type } from 'typebox';
import { Kato } from './common.ts';

export const DistrictsQuery = Type.Object(
  {
    region: Type.Optional(Kato),
    day: Type.Optional(Type.String({ format: 'date', description: 'Kazakhstan calendar day; default today' })),
  },
  { additionalProperties: false },
);

const Names = Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() });

export const DistrictCounters = Type.Object({
  articles: Type.Integer(),
  stories: Type.Integer({ description: 'distinct stories (syndicated copies counted once)' }),
  flagged: Type.Integer({ description: 'articles with label 1' }),
  flaggedStories: Type.Integer(),
  meanScore: Type.Number(),
  maxScore: Type.Number(),
});

export const District = Type.Object({
  kato: Type.String(),
  name: Names,
  level: Type.String({ description: 'district | city_regional | city_district | city_republican' }),
  region: Type.Object({ kato: Type.String(), name: Names }, { description: 'the region (oblys) or republican city the unit lies in' }),
  today: DistrictCounters,
});

export const DistrictList = Type.Object({ day: Type.String(), items: Type.Array(District) });
