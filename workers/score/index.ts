// The score worker: analyse a batch of articles with the engine and store exactly its results.
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import type { Db } from '../../shared/db/index.ts';
import { getArticlesForScoring } from '../../shared/db/repositories/articles.ts';
import { saveAnalyses, type AnalysisEntry } from '../../shared/db/repositories/analyses.ts';
import { groupIntoStories } from '../../shared/db/repositories/stories.ts';
import { fullestText, storyCandidate } from '../../shared/feeds/stories.ts';
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
  // The fuller text (full-text extraction or content:encoded) rather than the teaser.
  const text = fullestText(article);
  const result = getEngine().analyze({
    id: String(article.id),
    title: article.title,
    text: text || article.title,
    ...(article.region_kato ? { feedRegion: article.region_kato } : {}),
  });
  return { articleId: Number(article.id), result, day: kzDay(new Date(article.published_at)) };
}

/**
 * Groups the given articles into stories (those not in one yet), then scores them and stores the
 * results in one transaction; missing articles (deleted feeds) are skipped. Stories come first: the
 * daily counters count stories as well as articles.
 */
export async function scoreArticles(deps: Pick<ScoreDeps, 'db' | 'log'>, articleIds: number[]) {
  const articles = await getArticlesForScoring(deps.db, articleIds);
  await groupIntoStories(deps.db, articles.filter((a) => a.story_id === null).map(storyCandidate));
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
