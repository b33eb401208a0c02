// The score worker: analyse one article with the engine and store exactly its result.
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import type { Db } from '../../shared/db/index.ts';
import { getArticleForScoring } from '../../shared/db/repositories/articles.ts';
import { saveAnalysis } from '../../shared/db/repositories/analyses.ts';
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

const LANGS = new Set(['kk', 'ru', 'en']);

export async function scoreArticle(deps: Pick<ScoreDeps, 'db' | 'log'>, articleId: number) {
  const article = await getArticleForScoring(deps.db, articleId);
  if (!article) return { articleId, skipped: 'article no longer exists' };
  const hint = article.lang_hint ?? article.feed_lang;
  const text = article.content.length > article.summary.length ? article.content : article.summary;
  const result = getEngine().analyze({
    id: String(article.id),
    title: article.title,
    text: text || article.title,
    ...(hint && LANGS.has(hint) ? { lang: hint as 'kk' | 'ru' | 'en' } : {}),
    ...(article.region_kato ? { feedRegion: article.region_kato } : {}),
  });
  await saveAnalysis(deps.db, articleId, result, ENGINE_VERSION, kzDay(new Date(article.published_at)));
  return { articleId, score: result.tension.score, label: result.tension.label, district: result.district?.kato ?? null };
}

export function startScoreWorker(deps: ScoreDeps) {
  getEngine(); // load lexicon and model before the first job, not during it
  return deps.queues.worker(
    'score',
    async (job: Job) => {
      if (job.name !== 'score-article') throw new Error(`score worker: unknown job name ${job.name}`);
      return scoreArticle(deps, (job.data as JobCatalog['score-article']).articleId);
    },
    deps.config.score.concurrency,
  );
}
