// `bitim rescore [--since <date>]`: re-run the current engine over stored articles, with progress.
import type { Config } from '../../shared/config/index.ts';
import { articleIdsSince, countArticlesSince } from '../../shared/db/repositories/articles.ts';
import { ENGINE_VERSION } from '../../shared/analysis/engine.ts';
import { openRuntime } from '../../services/runtime.ts';
import { scoreArticles } from '../../workers/score/index.ts';
import { createOut } from '../output.ts';
import { UsageError } from './usage-error.ts';

export async function rescoreCommand(config: Config, values: { since?: string; json?: boolean }): Promise<number> {
  let since: Date | null = null;
  if (values.since) {
    since = new Date(values.since);
    if (Number.isNaN(since.getTime())) throw new UsageError(`--since: not a date: ${values.since} (use e.g. 2026-11-01)`);
  }
  const out = createOut(Boolean(values.json));
  const rt = await openRuntime(config);
  try {
    const total = await countArticlesSince(rt.db, since);
    out.info(`re-scoring ${total} article(s) with engine ${ENGINE_VERSION}`);
    let done = 0;
    let failed = 0;
    let after = 0;
    const started = Date.now();
    for (;;) {
      const ids = await articleIdsSince(rt.db, since, after, 200);
      if (!ids.length) break;
      for (let i = 0; i < ids.length; i += 50) {
        const batch = ids.slice(i, i + 50);
        try {
          await scoreArticles(rt, batch);
        } catch (err) {
          failed += batch.length;
          rt.log.warn({ from: batch[0], to: batch[batch.length - 1], err: (err as Error).message }, 're-score batch failed');
        }
        done += batch.length;
        out.progress(done, total, 're-scoring');
      }
      after = ids[ids.length - 1]!;
    }
    out.done();
    out.record({ rescored: done - failed, failed, engineVersion: ENGINE_VERSION, seconds: (Date.now() - started) / 1000 }, `re-scored ${done - failed} article(s), ${failed} failed, engine ${ENGINE_VERSION}`);
    return failed ? 1 : 0;
  } finally {
    await rt.close();
  }
}
