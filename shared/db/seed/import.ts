// Feed lists: the shipped starter list (kz-outlets.json, see kz-outlets.README.md for its evidence)
// or a user's file — a JSON array of {url, language|lang, kato|region, interval?, fullText?, outlet?},
// or plain text with one URL per line.
import { readFileSync } from 'node:fs';
import type { Db } from '../index.ts';
import { addFeeds, type FeedInput } from '../repositories/feeds.ts';

export class FeedListError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedListError';
  }
}

const LANGS = new Set(['kk', 'ru', 'en']);

export function parseFeedList(text: string, file: string, defaults: { source: FeedInput['source']; defaultIntervalMin: number }): FeedInput[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (err) {
      throw new FeedListError(`${file}: not valid JSON (${(err as Error).message})`);
    }
    return (data as unknown[]).map((raw, i) => {
      const o = raw as Record<string, unknown>;
      const url = typeof o.url === 'string' ? o.url : null;
      if (!url) throw new FeedListError(`${file}: entry ${i + 1} has no "url"`);
      checkUrl(url, `${file}: entry ${i + 1}`);
      const lang = (o.language ?? o.lang ?? null) as string | null;
      if (lang !== null && !LANGS.has(lang)) throw new FeedListError(`${file}: entry ${i + 1}: language must be kk, ru or en`);
      const kato = (o.kato ?? o.region ?? null) as string | null;
      if (kato !== null && !/^\d{9}$/.test(String(kato))) throw new FeedListError(`${file}: entry ${i + 1}: region must be a 9-digit KATO code`);
      return {
        url,
        lang,
        regionKato: kato === null ? null : String(kato),
        intervalMin: typeof o.interval === 'number' ? o.interval : defaults.defaultIntervalMin,
        fullText: o.fullText === true,
        outlet: typeof o.outlet === 'string' ? o.outlet : null,
        source: defaults.source,
      };
    });
  }
  return trimmed
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((url, i) => {
      checkUrl(url, `${file}: line ${i + 1}`);
      return { url, intervalMin: defaults.defaultIntervalMin, source: defaults.source };
    });
}

function checkUrl(url: string, where: string) {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new FeedListError(`${where}: not a URL: ${url}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new FeedListError(`${where}: only http(s) feeds: ${url}`);
}

export async function importFeedList(db: Db, file: string, defaults: { source: FeedInput['source']; defaultIntervalMin: number }) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new FeedListError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const inputs = parseFeedList(text, file, defaults);
  const res = await addFeeds(db, inputs);
  return { added: res.added.length, existing: res.existing.length, total: inputs.length };
}
