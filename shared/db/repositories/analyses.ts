// Analysis results and the per-unit daily counters derived from them.
import { sql } from 'kysely';
import type { AnalysisResult } from '../../analysis/types.ts';
import type { Db } from '../index.ts';

interface UnitDay {
  day: string;
  kato: string;
  level: 'district' | 'region';
}

/**
 * Store the engine's result for an article and recompute the counters of every (day, unit) it
 * touches now or touched before (a re-score can move an article to another district).
 */
export async function saveAnalysis(db: Db, articleId: number, result: AnalysisResult, engineVersion: string, day: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('analyses')
      .select(['day', 'district_kato', 'region_kato'])
      .where('article_id', '=', articleId)
      .forUpdate()
      .executeTakeFirst();
    const row = {
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
      analyzed_at: new Date(),
    };
    await tx
      .insertInto('analyses')
      .values(row)
      .onConflict((oc) => oc.column('article_id').doUpdateSet({ ...row, article_id: undefined } as never))
      .execute();
    const units: UnitDay[] = [];
    const push = (d: string, kato: string | null, level: UnitDay['level']) => {
      if (kato && !units.some((u) => u.day === d && u.kato === kato)) units.push({ day: d, kato, level });
    };
    push(day, row.district_kato, 'district');
    push(day, row.region_kato, 'region');
    if (before) {
      push(String(before.day), before.district_kato, 'district');
      push(String(before.day), before.region_kato, 'region');
    }
    for (const u of units) await recomputeUnitDay(tx as unknown as Db, u);
  });
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
