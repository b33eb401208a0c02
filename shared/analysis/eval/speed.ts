// Throughput check: articles per second on one core, mixed kk/ru/en articles of 2–4 KB, against
// the baseline from the issue: natural's AggressiveTokenizerRu + PorterStemmerRu alone.
//   node --import tsx shared/analysis/eval/speed.ts [--rounds N]
// Baseline, tension analyser, geocoder alone and the full engine are timed in alternating rounds;
// ratios are the median over rounds of (baseline time / time) within a round.
// Articles are built deterministically by concatenating training documents of one language until
// the article reaches 2–4 KB.

import { createRequire } from 'node:module';
import { TensionAnalyzer } from '../tension/analyze.ts';
import { loadExtra, loadNewsTrain, loadTensionDev } from '../training/data.ts';
import { fnv1a } from '../training/data.ts';
import { median, timeInAlternation } from './timing.ts';

const require = createRequire(import.meta.url);
const AggressiveTokenizerRu = require('natural/lib/natural/tokenizers/aggressive_tokenizer_ru.js') as new () => { tokenize(t: string): string[] };
const PorterStemmerRu = require('natural/lib/natural/stemmers/porter_stemmer_ru.js') as { stem(t: string): string };

export function buildCorpus(): Array<{ lang: string; title: string; text: string }> {
  const docs = [...loadNewsTrain(), ...loadExtra(), ...loadTensionDev().filter((d) => d.lang === 'en' || d.id.includes('ethnohate')).slice(0, 600)];
  const byLang = new Map<string, string[]>();
  for (const d of docs) {
    const list = byLang.get(d.lang) ?? [];
    list.push(`${d.title ? d.title + '. ' : ''}${d.text}`);
    byLang.set(d.lang, list);
  }
  const out: Array<{ lang: string; title: string; text: string }> = [];
  for (const [lang, texts] of byLang) {
    for (let start = 0; start < texts.length; start++) {
      const target = 2048 + (fnv1a(`${lang}${start}`) % 2048);
      let body = '';
      for (let k = start; Buffer.byteLength(body) < target; k = (k + 1) % texts.length) body += (body ? '\n' : '') + texts[k];
      // Cut at a sentence end so that the article stays within 4 KB (UTF-8).
      while (Buffer.byteLength(body) > 4096) {
        const cut = body.lastIndexOf('.', body.length - 2);
        body = cut > 0 ? body.slice(0, cut + 1) : body.slice(0, Math.floor(body.length * 0.9));
      }
      out.push({ lang, title: texts[start]!.slice(0, 60), text: body });
      if (out.filter((o) => o.lang === lang).length >= 100) break;
    }
  }
  return out;
}

if (process.argv[1]?.endsWith("speed.ts")) await main();

async function main(): Promise<void> {
const args = process.argv.slice(2);
const n = args.includes('--rounds') ? Number(args[args.indexOf('--rounds') + 1]) : 15;
const corpus = buildCorpus();
const bytes = corpus.reduce((a, c) => a + Buffer.byteLength(c.text), 0);
const tokenizer = new AggressiveTokenizerRu();
const analyzer = new TensionAnalyzer();
const langs = corpus.map((c) => analyzer.analyze({ text: c.text, title: c.title }).lang);
const { createEngine } = await import('../engine.ts');
const { geocode } = await import('../geo/index.ts');
const engine = createEngine();
const [base, tension, geo, full] = timeInAlternation(
  [
    () => {
      for (const c of corpus) for (const t of tokenizer.tokenize(c.text)) PorterStemmerRu.stem(t.toLowerCase());
    },
    () => {
      for (const c of corpus) analyzer.analyze({ text: c.text, title: c.title });
    },
    () => {
      corpus.forEach((c, i) => geocode({ text: c.text, title: c.title, lang: langs[i]! }));
    },
    () => {
      corpus.forEach((c, i) => engine.analyze({ id: String(i), text: c.text, title: c.title }));
    },
  ],
  { minRounds: n, warmupMs: 2000 },
);
const perSec = (ms: number[]) => Math.round(corpus.length / (median(ms) / 1000));
// Median over rounds of each round's baseline time / pass time.
const ratio = (ms: number[]) => Math.round(median(ms.map((t, k) => base![k]! / t)) * 100) / 100;
process.stdout.write(
  JSON.stringify({
    articles: corpus.length,
    byLang: Object.fromEntries(['kk', 'ru', 'en'].map((l) => [l, corpus.filter((c) => c.lang === l).length])),
    meanBytes: Math.round(bytes / corpus.length),
    rounds: n,
    articlesPerSecond: { baseline_AggressiveTokenizerRu_PorterStemmerRu: perSec(base!), tension: perSec(tension!), geocodingAlone: perSec(geo!), engineWithGeocoding: perSec(full!) },
    ratioTensionToBaseline: ratio(tension!),
    ratioEngineToBaseline: ratio(full!),
    microsecondsPerArticle: { baseline: Math.round((median(base!) * 1000) / corpus.length), tension: Math.round((median(tension!) * 1000) / corpus.length), geocoding: Math.round((median(geo!) * 1000) / corpus.length), engine: Math.round((median(full!) * 1000) / corpus.length) },
  }) + '\n',
);
}
