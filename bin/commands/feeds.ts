import type { Config } from '../../shared/config/index.ts';
import { addFeeds, findFeed, listFeedsWithHealth, removeFeed } from '../../shared/db/repositories/feeds.ts';
import { importFeedList } from '../../shared/db/seed/import.ts';
import { checkUrl } from '../../shared/feeds/net-guard.ts';
import { openRuntime } from '../../services/runtime.ts';
import { createOut } from '../output.ts';
import { UsageError } from './usage-error.ts';

interface FeedFlags {
  json?: boolean;
  lang?: string;
  region?: string;
  interval?: string;
  'full-text'?: boolean;
}

export async function feedsCommand(config: Config, sub: string | undefined, args: string[], values: FeedFlags): Promise<number> {
  const out = createOut(Boolean(values.json));
  if (sub === 'add') {
    const url = args[0];
    if (!url) throw new UsageError('usage: bitim feeds add <url> [--lang kk|ru|en] [--region <KATO>] [--interval <minutes>] [--full-text]');
    if (values.lang && !['kk', 'ru', 'en'].includes(values.lang)) throw new UsageError('--lang must be kk, ru or en');
    if (values.region && !/^\d{9}$/.test(values.region)) throw new UsageError('--region must be a 9-digit KATO code, e.g. 310000000 (Zhambyl)');
    const interval = values.interval === undefined ? config.ingest.defaultIntervalMin : Number(values.interval);
    if (!Number.isInteger(interval) || interval < 1 || interval > 1440) throw new UsageError('--interval must be whole minutes from 1 to 1440');
    const rt = await openRuntime(config);
    try {
      checkUrl(url, rt.allow); // refuses non-http(s) and literal private/loopback addresses up front
      const { added } = await addFeeds(rt.db, [
        { url, lang: values.lang ?? null, regionKato: values.region ?? null, intervalMin: interval, fullText: Boolean(values['full-text']) },
      ]);
      if (!added.length) {
        const existing = await findFeed(rt.db, url);
        out.record({ status: 'exists', id: existing?.id, url }, `feed already exists: #${existing?.id} ${url}`);
        return 1;
      }
      out.record({ status: 'added', id: added[0]!.id, url }, `added feed #${added[0]!.id} ${url}`);
      return 0;
    } finally {
      await rt.close();
    }
  }
  if (sub === 'list') {
    const rt = await openRuntime(config);
    try {
      const feeds = await listFeedsWithHealth(rt.db);
      for (const f of feeds) {
        const state = f.enabled ? (f.last_status ?? 'never polled') : `disabled (${f.disabled_reason ?? 'by user'})`;
        out.record(
          {
            id: f.id,
            url: f.url,
            outlet: f.outlet,
            lang: f.lang,
            region: f.region_kato,
            intervalMin: f.interval_min,
            enabled: f.enabled,
            lastStatus: f.last_status,
            lastError: f.last_error,
            lastCheckedAt: f.last_checked_at,
            nextCheckAt: f.next_check_at,
            articles: f.articleCount,
            health: f.health,
          },
          `#${String(f.id).padEnd(4)} ${(f.lang ?? '--').padEnd(2)} ${(f.region_kato ?? 'national').padEnd(9)} ${state.padEnd(16)} ` +
            `24h: ${f.health.fetches24h} fetches, ${f.health.failures24h} failed, ${f.health.newItems24h} new  ${f.url}` +
            (f.last_error ? `\n       last error: ${f.last_error.slice(0, 160)}` : ''),
        );
      }
      if (!feeds.length) out.info('no feeds; add one with: bitim feeds add <url>');
      return 0;
    } finally {
      await rt.close();
    }
  }
  if (sub === 'remove') {
    const target = args[0];
    if (!target) throw new UsageError('usage: bitim feeds remove <id|url>');
    const rt = await openRuntime(config);
    try {
      const feed = await findFeed(rt.db, target);
      if (!feed) {
        out.record({ status: 'not_found', target }, `no feed ${target}`);
        return 1;
      }
      await removeFeed(rt.db, feed.id);
      out.record({ status: 'removed', id: feed.id, url: feed.url }, `removed feed #${feed.id} ${feed.url} and its articles`);
      return 0;
    } finally {
      await rt.close();
    }
  }
  if (sub === 'import') {
    const file = args[0];
    if (!file) throw new UsageError('usage: bitim feeds import <file>');
    const rt = await openRuntime(config);
    try {
      const res = await importFeedList(rt.db, file, { source: 'import', defaultIntervalMin: config.ingest.defaultIntervalMin });
      out.record(res, `imported ${res.added} new feed(s); ${res.existing} already present`);
      return 0;
    } finally {
      await rt.close();
    }
  }
  throw new UsageError('usage: bitim feeds add|list|remove|import …');
}
