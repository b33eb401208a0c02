// Kysely's view of the tables created in sql/migrations.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface FeedsTable {
  id: Generated<number>;
  url: string;
  title: string | null;
  outlet: string | null;
  lang: string | null;
  region_kato: string | null;
  source: Generated<string>;
  interval_min: Generated<number>;
  full_text: Generated<boolean>;
  enabled: Generated<boolean>;
  disabled_reason: string | null;
  etag: string | null;
  last_modified: string | null;
  next_check_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_checked_at: Timestamp | null;
  last_success_at: Timestamp | null;
  last_new_items_at: Timestamp | null;
  last_status: string | null;
  last_error: string | null;
  consecutive_failures: Generated<number>;
  permanent_failures: Generated<number>;
  recent_new_counts: ColumnType<number[], string | undefined, string>;
  created_at: ColumnType<Date, never, never>;
}

export interface FetchLogTable {
  id: Generated<number>;
  feed_id: number;
  started_at: Timestamp;
  duration_ms: number;
  outcome: string;
  http_status: number | null;
  bytes: number;
  items: number;
  new_items: number;
  duplicates: number;
  error_code: string | null;
  error: string | null;
}

export interface StoriesTable {
  id: Generated<number>;
  fingerprint: string;
  first_seen_at: ColumnType<Date, Date | string | undefined, never>;
  report_count: Generated<number>;
}

export interface StoryBandsTable {
  band: string;
  story_id: number;
}

export interface ArticlesTable {
  id: Generated<number>;
  feed_id: number;
  dedup_key: string;
  guid: string | null;
  url: string | null;
  title: string;
  summary: string;
  content: string;
  author: string | null;
  lang_hint: string | null;
  published_at: Timestamp;
  published_from_feed: boolean;
  fetched_at: Timestamp;
  /** Set with the story, by the score stage. */
  fingerprint: string | null;
  story_id: number | null;
  created_at: ColumnType<Date, never, never>;
}

export interface AnalysesTable {
  article_id: number;
  engine_version: string;
  lang: string;
  score: number;
  label: number;
  severity: string;
  district_kato: string | null;
  region_kato: string | null;
  day: ColumnType<string, string, string>;
  result: Json<unknown>;
  analyzed_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface UnitDailyTable {
  day: ColumnType<string, string, string>;
  kato: string;
  level: string;
  articles: number;
  stories: number;
  flagged: number;
  flagged_stories: number;
  score_sum: number;
  score_max: number;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ApiKeysTable {
  id: Generated<number>;
  name: string | null;
  role: string;
  prefix: string;
  key_hash: string;
  created_at: ColumnType<Date, never, never>;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface HostLeasesTable {
  host: string;
  holder: string;
  expires_at: Timestamp;
}

export interface Database {
  feeds: FeedsTable;
  fetch_log: FetchLogTable;
  stories: StoriesTable;
  story_bands: StoryBandsTable;
  articles: ArticlesTable;
  analyses: AnalysesTable;
  unit_daily: UnitDailyTable;
  api_keys: ApiKeysTable;
  host_leases: HostLeasesTable;
}

export type Feed = Selectable<FeedsTable>;
export type NewFeed = Insertable<FeedsTable>;
export type Article = Selectable<ArticlesTable>;
