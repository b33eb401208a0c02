// A labelled news file through the full engine, as the CLI reads it: tension (per language and
// pooled) and geocoding accuracy against the gold district and region. `npm run eval` prints both
// for the blind sets bench/data/news-test2.jsonl … news-test7.jsonl (eval/tension.ts and geo/eval.ts,
// in their own tables), and
// bench/data/news-eval.ts is a thin command line over it.
//
// File format, one JSON object a line: { id, lang: kk|ru|en, title, text, label: 0|1, severity,
// district: KATO|null, region: KATO|null, note }. Each item goes in as {id, title, text, lang}; no
// feedRegion is given. Region accuracy is over items with a gold region, district accuracy over
// items with a gold district; a null answer counts as wrong.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, ENGINE_VERSION } from '../engine.ts';
import { readJsonl } from '../training/data.ts';
import { evalCell, GeoTally, type EvalCell, type GeoFigures } from './metrics.ts';

const BENCH_DATA = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'bench', 'data');
export const NEWS_TEST2 = join(BENCH_DATA, 'news-test2.jsonl');

/** A blind set: bench/data/news-test<n>.jsonl and the genre its authors were asked to write. */
function blindSet(n: number, genre: string): { file: string; title: string } {
  return { file: join(BENCH_DATA, `news-test${n}.jsonl`), title: `bench/data/news-test${n}.jsonl (${genre}, written blind, diagnosed once; full engine)` };
}

/** The news sets written blind (by authors who had not seen the engine), each run once blind and then diagnosed. */
export const BLIND_NEWS_SETS: ReadonlyArray<{ file: string; title: string }> = [
  blindSet(2, 'RSS-style'),
  blindSet(3, 'as real outlets publish'),
  blindSet(4, 'explainers, roundups, transcripts'),
  blindSet(5, 'feed teasers'),
  blindSet(6, 'Telegram channel posts and regional sites'),
  blindSet(7, 'a regional week: courts, police, maslikhats'),
  blindSet(8, 'minimal pairs'),
  blindSet(9, 'aftermath, interviews, wire copy'),
  blindSet(10, 'long features, signal buried'),
  blindSet(11, 'long features, signal buried'),
  blindSet(12, 'one ordinary day of feeds, 1 in 6 positive'),
  blindSet(13, 'where people meet: work sites, markets, sport, schools'),
  blindSet(14, 'borders, diasporas and news from abroad'),
  blindSet(15, 'officialese and euphemism'),
  blindSet(16, 'scripts, spellings and transliterations'),
  blindSet(17, 'language, identity and the online world'),
  blindSet(18, 'long reads: features, reportage, interviews'),
  blindSet(19, 'an ordinary week of regional feeds, 1 in 10 positive'),
];

export interface NewsItem {
  id: string;
  lang: 'kk' | 'ru' | 'en';
  title: string;
  text: string;
  label: 0 | 1;
  severity: string;
  district: string | null;
  region: string | null;
  note?: string;
}

export interface NewsRow {
  item: NewsItem;
  score: number;
  pred: 0 | 1;
  severity: string;
  district: string | null;
  region: string | null;
}

export interface NewsEvaluation {
  engine: string;
  file: string;
  rows: NewsRow[];
  /** Per language and 'all'. */
  tension: Record<string, EvalCell>;
  geo: Record<string, GeoFigures>;
}

/** The file through the engine; null when it is absent. `examples`: false positives/negatives kept per cell. */
export function evaluateNews(file: string, opts: { examples?: number } = {}): NewsEvaluation | null {
  if (!existsSync(file)) return null;
  const examples = opts.examples ?? 3;
  const rows: NewsRow[] = readJsonl<NewsItem>(file).map((item) => {
    const r = analyze({ id: item.id, title: item.title, text: item.text, lang: item.lang });
    return { item, score: r.tension.score, pred: r.tension.label, severity: r.tension.severity, district: r.district?.kato ?? null, region: r.region?.kato ?? null };
  });
  const tension: Record<string, EvalCell> = {};
  const geo: Record<string, GeoFigures> = {};
  for (const lang of ['kk', 'ru', 'en', 'all']) {
    const rs = lang === 'all' ? rows : rows.filter((r) => r.item.lang === lang);
    tension[lang] = evalCell(
      rs.map((r) => ({ id: r.item.id, gold: r.item.label, score: r.score, pred: r.pred, text: `${r.item.title} | ${r.item.text}` })),
      examples,
    );
    const tally = new GeoTally();
    for (const r of rs) tally.add(r.item.id, r.item.title, { region: r.item.region, district: r.item.district }, { region: r.region, district: r.district, places: [] });
    geo[lang] = tally.figures();
  }
  return { engine: ENGINE_VERSION, file, rows, tension, geo };
}
