// Public API of the ingestion domain layer.
export type { FeedFormat, MediaRef, NormalisedItem, ParsedFeed } from './types.ts';
export { FetchError, FeedParseError, type ErrorKind, type FetchErrorCode, type FeedParseErrorCode } from './errors.ts';
export { parseAllowList, isBlockedAddress, isAllowedHost, checkUrl, EMPTY_ALLOW_LIST, type AllowList } from './net-guard.ts';
export {
  guardedFetch,
  createGuardedLookup,
  parseRetryAfter,
  statusKind,
  DEFAULT_USER_AGENT,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_REDIRECTS,
  type GuardedFetchOptions,
  type FetchResult,
  type Resolver,
  type ResolvedAddress,
} from './guarded-fetch.ts';
export { decodeBody, normaliseCharset, sniffEncoding, charsetFromContentType, charsetFromProlog, type DecodedBody, type DecodeSource } from './decode.ts';
export { repairXml, type RepairResult } from './repair.ts';
export { parseFeed, type ParseFeedOptions } from './parse.ts';
export {
  canonicalUrl,
  effectiveBase,
  isTrackingParam,
  htmlToText,
  cleanTitle,
  parseFeedDate,
  resolvePublished,
  cleanAuthor,
  pickGuid,
  normaliseLanguage,
  FUTURE_TOLERANCE_MS,
} from './normalise.ts';
export { extractMainText, MIN_ARTICLE_CHARS } from './fulltext.ts';
export {
  storyFingerprint,
  isSameStory,
  fingerprintBands,
  hammingDistance,
  normaliseWords,
  SAME_STORY_MAX_DISTANCE,
  BAND_BITS,
} from './fingerprint.ts';
export { fullestText, storyCandidate, storyRows, type StoryCandidate, type StoryRow } from './stories.ts';
export {
  nextPollDelay,
  shouldDisable,
  classifyOutcome,
  activityFactor,
  jitterFactor,
  DISABLE_AFTER_PERMANENT_FAILURES,
  DEFAULT_BASE_INTERVAL_MIN,
  MIN_INTERVAL_MS,
  MAX_INTERVAL_MS,
  MAX_PERMANENT_BACKOFF_MS,
  type PollState,
  type PollOutcome,
} from './schedule.ts';
