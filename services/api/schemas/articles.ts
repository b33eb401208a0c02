import { Type } from 'typebox';
import { Evidence, LangCode, Place, Tension, UnitRef } from './analysis.ts';
import { DateTime, Kato, Nullable } from './common.ts';

// ISO date (a Kazakhstan calendar day) or ISO date-time with an explicit zone.
const dateOrDateTime = (description: string) =>
  Type.String({
    pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2}))?$',
    description: `${description}. YYYY-MM-DD (a Kazakhstan day, UTC+5) or an ISO date-time with Z or an offset`,
  });

export const ArticlesQuery = Type.Object(
  {
    district: Type.Optional(Kato),
    region: Type.Optional(Kato),
    lang: Type.Optional(LangCode),
    minScore: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    from: Type.Optional(dateOrDateTime('Published at or after; a date means the start of that day')),
    to: Type.Optional(dateOrDateTime('Published before; a date includes that whole day')),
    feed: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'nextCursor of the previous page' })),
  },
  { additionalProperties: false },
);

export const ArticleItem = Type.Object({
  id: Type.Integer(),
  url: Nullable(Type.String()),
  title: Type.String(),
  published: DateTime,
  feed: Type.Object({
    id: Type.Integer(),
    url: Type.String(),
    title: Nullable(Type.String({ description: "the feed's title, else its outlet name" })),
  }),
  lang: Nullable(Type.String({ description: 'detected language; the feed hint until the article is scored' })),
  tension: Nullable(Tension),
  evidence: Type.Array(Evidence),
  places: Type.Array(Place),
  district: Nullable(UnitRef),
  region: Nullable(UnitRef),
  storyId: Nullable(Type.Integer()),
  reports: Nullable(Type.Integer({ description: 'how many stored articles report the same story' })),
  engineVersion: Nullable(Type.String()),
});

export const ArticlePage = Type.Object({
  items: Type.Array(ArticleItem),
  nextCursor: Nullable(Type.String()),
});
