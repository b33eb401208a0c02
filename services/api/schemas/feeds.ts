import { Type, type Static } from 'typebox';
import { DateTime, Kato, Nullable } from './common.ts';

export const FeedHealth = Type.Object({
  fetches24h: Type.Integer(),
  failures24h: Type.Integer(),
  newItems24h: Type.Integer(),
  lastOutcome: Nullable(Type.String()),
  lastErrorCode: Nullable(Type.String()),
});

export const Feed = Type.Object(
  {
    id: Type.Integer(),
    url: Type.String(),
    title: Nullable(Type.String()),
    outlet: Nullable(Type.String()),
    lang: Nullable(Type.String()),
    region: Nullable(Type.String({ description: 'KATO code of the region the outlet covers' })),
    intervalMin: Type.Integer(),
    fullText: Type.Boolean(),
    enabled: Type.Boolean(),
    disabledReason: Nullable(Type.String()),
    nextCheckAt: DateTime,
    lastCheckedAt: Nullable(DateTime),
    lastSuccessAt: Nullable(DateTime),
    lastStatus: Nullable(Type.String()),
    lastError: Nullable(Type.String()),
    consecutiveFailures: Type.Integer(),
    articleCount: Type.Integer(),
    health: FeedHealth,
  },
);
export type FeedDto = Static<typeof Feed>;

export const FeedList = Type.Object({ items: Type.Array(Feed) });

export const CreateFeedBody = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2048, description: 'http(s) URL of an RSS/Atom/JSON feed' }),
    lang: Type.Optional(Type.Union([Type.Literal('kk'), Type.Literal('ru'), Type.Literal('en')])),
    region: Type.Optional(Kato),
    intervalMin: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })),
    fullText: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const FetchLogEntry = Type.Object({
  id: Type.Integer(),
  startedAt: DateTime,
  durationMs: Type.Integer(),
  outcome: Type.String({ description: 'ok | not_modified | temporary_error | permanent_error' }),
  httpStatus: Nullable(Type.Integer()),
  bytes: Type.Integer(),
  items: Type.Integer(),
  newItems: Type.Integer(),
  duplicates: Type.Integer(),
  errorCode: Nullable(Type.String()),
  error: Nullable(Type.String()),
});

export const FetchLogQuery = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 20 }) });
export const FetchLogList = Type.Object({ items: Type.Array(FetchLogEntry) });

export const PollAccepted = Type.Object({ queued: Type.Boolean(), jobId: Type.String() });
