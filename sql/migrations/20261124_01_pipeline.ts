// Frozen once released: change the schema with a new migration, never by editing this one.
import { Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('feeds')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text')
    .addColumn('outlet', 'text')
    .addColumn('lang', 'text')
    .addColumn('region_kato', 'text')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('user'))
    .addColumn('interval_min', 'integer', (c) => c.notNull().defaultTo(15))
    .addColumn('full_text', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('disabled_reason', 'text')
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('next_check_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_checked_at', 'timestamptz')
    .addColumn('last_success_at', 'timestamptz')
    .addColumn('last_new_items_at', 'timestamptz')
    .addColumn('last_status', 'text')
    .addColumn('last_error', 'text')
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('permanent_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recent_new_counts', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('feeds_due_idx').on('feeds').columns(['enabled', 'next_check_at']).execute();

  // Append-only: one row per fetch attempt, for the feed-health view.
  await db.schema
    .createTable('fetch_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('feed_id', 'integer', (c) => c.notNull().references('feeds.id').onDelete('cascade'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('http_status', 'integer')
    .addColumn('bytes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('items', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('new_items', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('duplicates', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_code', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('fetch_log_feed_idx').on('fetch_log').columns(['feed_id', 'started_at']).execute();

  // A story groups syndicated copies of one event: reports count for corroboration, stories for counting.
  await db.schema
    .createTable('stories')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('story_bands')
    .addColumn('band', 'text', (c) => c.notNull())
    .addColumn('story_id', 'bigint', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('story_bands_pk', ['band', 'story_id'])
    .execute();

  await db.schema
    .createTable('articles')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('feed_id', 'integer', (c) => c.notNull().references('feeds.id').onDelete('cascade'))
    // 'u:<canonical url>' or 'g:<feed>:<guid>' or 'h:<feed>:<content hash>': one article per key.
    .addColumn('dedup_key', 'text', (c) => c.notNull().unique())
    .addColumn('guid', 'text')
    .addColumn('url', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('author', 'text')
    .addColumn('lang_hint', 'text')
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    .addColumn('published_from_feed', 'boolean', (c) => c.notNull())
    .addColumn('fetched_at', 'timestamptz', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('story_id', 'bigint', (c) => c.references('stories.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('articles_feed_guid_uq')
    .on('articles')
    .columns(['feed_id', 'guid'])
    .unique()
    .where(sql.ref('guid'), 'is not', null)
    .execute();
  await db.schema.createIndex('articles_url_uq').on('articles').column('url').unique().where(sql.ref('url'), 'is not', null).execute();
  await db.schema.createIndex('articles_published_idx').on('articles').columns(['published_at', 'id']).execute();
  await db.schema.createIndex('articles_story_idx').on('articles').column('story_id').execute();

  // The engine's result, stored exactly as `bitim analyze` prints it, plus columns for filtering.
  await db.schema
    .createTable('analyses')
    .addColumn('article_id', 'bigint', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('engine_version', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('label', 'smallint', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('district_kato', 'text')
    .addColumn('region_kato', 'text')
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('result', 'jsonb', (c) => c.notNull())
    .addColumn('analyzed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('analyses_district_day_idx').on('analyses').columns(['district_kato', 'day']).execute();
  await db.schema.createIndex('analyses_region_day_idx').on('analyses').columns(['region_kato', 'day']).execute();

  // Per unit and day counters, recomputed from analyses (so a retry or a re-score never double counts).
  await db.schema
    .createTable('unit_daily')
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('kato', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('articles', 'integer', (c) => c.notNull())
    .addColumn('stories', 'integer', (c) => c.notNull())
    .addColumn('flagged', 'integer', (c) => c.notNull())
    .addColumn('flagged_stories', 'integer', (c) => c.notNull())
    .addColumn('score_sum', 'real', (c) => c.notNull())
    .addColumn('score_max', 'real', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('unit_daily_pk', ['day', 'kato'])
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('name', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();

  // Cross-process per-host politeness: one fetch per host at a time, whichever worker holds the lease.
  await db.schema
    .createTable('host_leases')
    .addColumn('host', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['host_leases', 'api_keys', 'unit_daily', 'analyses', 'articles', 'story_bands', 'stories', 'fetch_log', 'feeds']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
