// Measures the geocoder against the gold files in bench/data/:
//   geo-gold-kk.jsonl     Kazakh sentences of shared/data/eval/geo-dev.jsonl (KazNERD), gold built
//                         independently of the geocoder (bench/data/geo-gold-README.md)
//   geo-gold-ru-en.jsonl  hand-written ru / en / kk news items, each tagged split "dev" or "test"
// CLI: node --import tsx shared/analysis/geo/eval.ts [--split dev|test|all] [--errors N]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geocodeDetailed } from './index.ts';
import { GeoTally, type GeoFigures } from '../eval/metrics.ts';
import { BLIND_NEWS_SETS, evaluateNews } from '../eval/news.ts';

const BENCH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'bench', 'data');

export interface GoldItem {
  id: string;
  lang: 'kk' | 'ru' | 'en';
  text: string;
  title?: string;
  feedRegion?: string;
  places: Array<{ span: string; code: string | null }>;
  region: string | null;
  district: string | null;
  split?: 'dev' | 'test';
  source?: string;
}

export function loadGold(): GoldItem[] {
  const items: GoldItem[] = [];
  for (const f of ['geo-gold-kk.jsonl', 'geo-gold-ru-en.jsonl']) {
    const p = join(BENCH, f);
    if (!existsSync(p)) continue;
    for (const line of readFileSync(p, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const it = JSON.parse(line) as GoldItem;
      if (!it.source) it.source = f === 'geo-gold-kk.jsonl' ? 'geo-dev' : 'hand';
      items.push(it);
    }
  }
  return items;
}

const scorable = (code: string | null): code is string => !!code && (/^\d{9}$/.test(code) || code.startsWith('foreign:') || code === 'country:KZ');

export function evaluateGeo(opts: { split?: 'dev' | 'test' | 'all'; source?: 'geo-dev' | 'hand' | 'all' } = {}): {
  perLang: Record<'kk' | 'ru' | 'en', GeoFigures>;
} {
  const split = opts.split ?? 'all';
  const source = opts.source ?? 'all';
  const items = loadGold().filter(
    (it) => (split === 'all' || !it.split || it.split === split || it.source === 'geo-dev') && (source === 'all' || it.source === source),
  );
  const perLang = {} as Record<'kk' | 'ru' | 'en', GeoFigures>;
  for (const lang of ['kk', 'ru', 'en'] as const) {
    const its = items.filter((i) => i.lang === lang && (split === 'all' || i.source === 'geo-dev' ? true : i.split === split));
    const tally = new GeoTally();
    for (const it of its) {
      const got = geocodeDetailed({ text: it.text, title: it.title, lang: it.lang, feedRegion: it.feedRegion });
      const places = got.places.map((p) => p.kato);
      if (got.kazakhstan) places.push('country:KZ');
      tally.add(
        it.id,
        it.text,
        { region: it.region, district: it.district, places: it.places.map((p) => p.code).filter(scorable) },
        { region: got.region?.kato ?? null, district: got.district?.kato ?? null, places },
      );
    }
    perLang[lang] = tally.figures();
  }
  return { perLang };
}

function fmt(x: number | undefined): string {
  return x === undefined || Number.isNaN(x) ? '  n/a' : x.toFixed(3);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const nErr = args.includes('--errors') ? Number(args[args.indexOf('--errors') + 1]) : 0;
  const runs: Array<[string, Parameters<typeof evaluateGeo>[0]]> = args.includes('--split')
    ? [[`split=${args[args.indexOf('--split') + 1]}`, { split: args[args.indexOf('--split') + 1] as 'dev' | 'test' }]]
    : [
        ['kk geo-dev (KazNERD gold)', { source: 'geo-dev' }],
        ['hand-written, dev half', { source: 'hand', split: 'dev' }],
        ['hand-written, test half', { source: 'hand', split: 'test' }],
      ];
  const print = (label: string, perLang: Record<string, GeoFigures>): void => {
    console.log(`\n== ${label}`);
    console.log('lang  items  withPlace  regionN  regionAcc  districtN  districtAcc  mentionRecall  spuriousRegion');
    for (const [lang, f] of Object.entries(perLang)) {
      if (!f.sentences) continue;
      console.log(
        `${lang.padEnd(4)}  ${String(f.sentences).padStart(5)}  ${String(f.withPlace).padStart(9)}  ${String(f.regionN).padStart(7)}  ${fmt(f.regionAccuracy).padStart(9)}  ${String(f.districtN).padStart(9)}  ${fmt(f.districtAccuracy).padStart(11)}  ${fmt(f.mentionRecall).padStart(13)}  ${String(f.spuriousRegion).padStart(14)}`,
      );
      for (const e of f.errors.slice(0, nErr)) console.log('   ', JSON.stringify(e));
    }
  };
  for (const [label, o] of runs) print(label, evaluateGeo(o).perLang);
  // RSS-style news written blind, through the full engine (no feed region): gold district and region only
  if (!args.includes('--split')) {
    for (const set of BLIND_NEWS_SETS) {
      const news = evaluateNews(set.file);
      if (news) print(set.title, news.geo);
    }
  }
}
