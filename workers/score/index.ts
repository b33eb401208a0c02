// The score worker: analyse a batch of articles with the engine and store exactly its results.
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import type { Db } from '../../shared/db/index.ts';
import { getArticlesForScoring } from '../../shared/db/repositories/articles.ts';
import { saveAnalyses, type AnalysisEntry } from '../../shared/db/repositories/analyses.ts';
import { ENGINE_VERSION, getEngine } from '../../shared/analysis/engine.ts';
import type { Queues, JobCatalog } from '../../shared/queue/index.ts';
import type { Config } from '../../shared/config/index.ts';
import { kzDay } from '../../shared/time.ts';

export interface ScoreDeps {
  db: Db;
  queues: Queues;
  config: Config;
  log: Logger;
}

type ScoringRow = Awaited<ReturnType<typeof getArticlesForScoring>>[number];

export function analyseArticle(article: ScoringRow): AnalysisEntry {
  // The feed's language is not passed on: many outlets mix Kazakh, Russian and English items in one
  // feed, and the engine treats a given language as authoritative. It detects per article instead.
  // Prefer the fuller text (full-text extraction or content:encoded) over the teaser.
  const text = article.content.length > article.summary.length ? article.content : article.summary;
  const result = getEngine().analyze({
    id: String(article.id),
    title: article.title,
    text: text || article.title,
    ...(article.region_kato ? { feedRegion: article.region_kato } : {}),
  });
  return { articleId: Number(article.id), result, day: kzDay(new Date(article.published_at)) };
}

/** Scores the given articles (missing ones — deleted feeds — are skipped) in one transaction. */
export async function scoreArticles(deps: Pick<ScoreDeps, 'db' | 'log'>, articleIds: number[]) {
  const articles = await getArticlesForScoring(deps.db, articleIds);
  const entries = articles.map(analyseArticle);
  await saveAnalyses(deps.db, entries, ENGINE_VERSION);
  return { scored: entries.length, flagged: entries.filter((e) => e.result.tension.label === 1).length, skipped: articleIds.length - entries.length };
}

export function startScoreWorker(deps: ScoreDeps) {
  getEngine(); // load lexicon and model before the first job, not during it
  return deps.queues.worker(
    'score',
    async (job: Job) => {
      if (job.name !== 'score-articles') throw new Error(`score worker: unknown job name ${job.name}`);
      return scoreArticles(deps, (job.data as JobCatalog['score-articles']).articleIds);
    },
    deps.config.score.concurrency,
  );
}
