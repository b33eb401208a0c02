// The migration list, in order. Static imports keep migrations working the same under tsx, tests and bundlers.
import type { Migration } from 'kysely';
import * as pipeline from './20261124_01_pipeline.ts';
import * as storiesAtScoring from './20261125_01_stories_at_scoring.ts';
import * as dropRedundantUrlIndex from './20261125_02_drop_redundant_url_index.ts';

export const migrations: Record<string, Migration> = {
  '20261124_01_pipeline': pipeline,
  '20261125_01_stories_at_scoring': storiesAtScoring,
  '20261125_02_drop_redundant_url_index': dropRedundantUrlIndex,
};
