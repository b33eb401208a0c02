// Analysis results and the per-unit daily counters derived from them.
import { sql } from 'kysely';
import type { AnalysisResult } from '../../analysis/types.ts';
import type { Db } from '../index.ts';

interface UnitDay {
  day: string;
  kato: string;
  level: 'district' | 'region';
}

export interface AnalysisEntry {
  articleId: number;
  result: AnalysisResult;
  /** Kazakhstan calendar day of the article's publication. */
  day: string;
}

/**
 * Store the engine's results for a batch of articles (one upsert) and recompute the counters of every
 * (day, unit) they touch now or touched before — a re-score can move an article to another district.
 * Recomputing from the rows, not incrementing, is what makes a retry or a re-score harmless.
 */
export async function saveAnalyses(db: Db, entries: AnalysisEntry[], engineVersion: string): Promise<void> {
  if (entries.length === 0) return;
  entries = [...entries].sort((a, b) => a.articleId - b.articleId);
  await db.transaction().execute(async (tx) => {
    const ids = entries.map((e) => e.articleId).sort((a, b) => a - b);
    const before = await tx.selectFrom('analyses').select(['day', 'district_kato', 'region_kato']).where('article_id', 'in', ids).orderBy('article_id').forUpdate().execute();
    const now = new Date();
    const rows = entries.map(({ articleId, result, day }) => ({
      article_id: articleId,
      engine_version: engineVersion,
      lang: result.lang,
      score: result.tension.score,
      label: result.tension.label,
      severity: result.tension.severity,
      district_kato: result.district?.kato ?? null,
      region_kato: result.region?.kato ?? null,
      day,
      result: JSON.stringify(result),
      analyzed_at: now,
    }));
    await tx
      .insertInto('analyses')
      .values(rows)
      .onConflict((oc) =>
        oc.column('article_id').doUpdateSet((eb) => ({
          engine_version: eb.ref('excluded.engine_version'),
          lang: eb.ref('excluded.lang'),
          score: eb.ref('excluded.score'),
          label: eb.ref('excluded.label'),
          severity: eb.ref('excluded.severity'),
          district_kato: eb.ref('excluded.district_kato'),
          region_kato: eb.ref('excluded.region_kato'),
          day: eb.ref('excluded.day'),
          result: eb.ref('excluded.result'),
          analyzed_at: eb.ref('excluded.analyzed_at'),
        })),
      )
      .execute();
    await recomputeCounters(tx as unknown as Db, [...rows, ...before.map((b) => ({ ...b, day: String(b.day) }))]);
  });
}

/** Where an analysis counts: its day, district and region. */
export interface CountedIn {
  day: string;
  district_kato: string | null;
  region_kato: string | null;
}

/**
 * Recomputes, from the rows, the counters of every (day, unit) the given analyses count in. Call it
 * inside the transaction that changed those analyses. Each key is locked first (a transaction-scoped
 * advisory lock, always taken in key order): a concurrent writer of the same key waits until this
 * transaction commits, so its own recount then sees these rows — without the lock, two transactions
 * each recount without the other's uncommitted rows and the last upsert wins with a stale count.
 */
export async function recomputeCounters(db: Db, rows: CountedIn[]): Promise<void> {
  const units = new Map<string, UnitDay>();
  const push = (day: string, kato: string | null, level: UnitDay['level']) => {
    // A republican city is both a district-level unit and a region: one row, labelled district.
    if (kato && !units.has(`${day}|${kato}`)) units.set(`${day}|${kato}`, { day, kato, level });
  };
  for (const r of rows) {
    push(r.day, r.district_kato, 'district');
    push(r.day, r.region_kato, 'region');
  }
  if (units.size === 0) return;
  // Always in key order: concurrent transactions touching the same units then cannot deadlock.
  const keys = [...units.keys()].sort();
  // unnest yields the array in order, and the lock function is evaluated row by row in that order.
  await db
    .selectFrom(sql<{ k: string }>`unnest(${keys}::text[])`.as<'u'>(sql`u(k)`))
    .select(sql<string>`pg_advisory_xact_lock(hashtext('unit_daily'), hashtext(u.k))::text`.as('locked'))
    .execute();
  for (const key of keys) await recomputeUnitDay(db, units.get(key)!);
}

export async function saveAnalysis(db: Db, articleId: number, result: AnalysisResult, engineVersion: string, day: string): Promise<void> {
  await saveAnalyses(db, [{ articleId, result, day }], engineVersion);
}

async function recomputeUnitDay(db: Db, u: UnitDay): Promise<void> {
  const col = u.level === 'district' ? 'analyses.district_kato' : 'analyses.region_kato';
  const agg = await db
    .selectFrom('analyses')
    .innerJoin('articles', 'articles.id', 'analyses.article_id')
    .where(col, '=', u.kato)
    .where('analyses.day', '=', u.day)
    .select((eb) => [
      eb.fn.countAll<number>().as('articles'),
      eb.fn.count<number>(sql`distinct coalesce(articles.story_id, -articles.id)`).as('stories'),
      eb.fn.sum<number>(sql`case when analyses.label = 1 then 1 else 0 end`).as('flagged'),
      eb.fn.count<number>(sql`distinct case when analyses.label = 1 then coalesce(articles.story_id, -articles.id) end`).as('flagged_stories'),
      eb.fn.coalesce(eb.fn.sum<number>('analyses.score'), sql<number>`0`).as('score_sum'),
      eb.fn.coalesce(eb.fn.max<number>('analyses.score'), sql<number>`0`).as('score_max'),
    ])
    .executeTakeFirstOrThrow();
  if (Number(agg.articles) === 0) {
    await db.deleteFrom('unit_daily').where('day', '=', u.day).where('kato', '=', u.kato).execute();
    return;
  }
  const values = {
    day: u.day,
    kato: u.kato,
    level: u.level,
    articles: Number(agg.articles),
    stories: Number(agg.stories),
    flagged: Number(agg.flagged),
    flagged_stories: Number(agg.flagged_stories),
    score_sum: Number(agg.score_sum),
    score_max: Number(agg.score_max),
    updated_at: new Date(),
  };
  await db
    .insertInto('unit_daily')
    .values(values)
    .onConflict((oc) => oc.columns(['day', 'kato']).doUpdateSet(values))
    .execute();
}

export async function unitCountersForDay(db: Db, day: string) {
  return db.selectFrom('unit_daily').selectAll().where('day', '=', day).execute();
}

export async function analysedCount(db: Db, articleIds: number[]): Promise<number> {
  if (articleIds.length === 0) return 0;
  const row = await db
    .selectFrom('analyses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('article_id', 'in', articleIds)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
