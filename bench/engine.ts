// Engine benchmark: articles per second on one core over a mixed kk/ru/en corpus of 2–4 KB articles,
// beside natural's Russian tokenizer + Porter stemmer alone over the same texts, timed in alternating
// rounds (the ratio is the median of the rounds' ratios); and cold start-up of the engine in a fresh
// process.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { getEngine } from '../shared/analysis/engine.ts';
import { median, timeInAlternation } from '../shared/analysis/eval/timing.ts';
import type { BenchResult } from './lib.ts';

const require = createRequire(import.meta.url);

interface NewsItem {
  id: string;
  lang: 'kk' | 'ru' | 'en';
  title: string;
  text: string;
}

/** Articles of 2–4 KB per language, built from the held-out news set (short items are joined). */
export function benchCorpus(): NewsItem[] {
  const lines = readFileSync(join(import.meta.dirname, 'data/news-test.jsonl'), 'utf8').split('\n').filter(Boolean);
  const items = lines.map((l) => JSON.parse(l) as NewsItem);
  const out: NewsItem[] = [];
  for (const lang of ['kk', 'ru', 'en'] as const) {
    const pool = items.filter((i) => i.lang === lang);
    let buf = null as NewsItem | null;
    for (let k = 0; k < pool.length * 3 && out.filter((o) => o.lang === lang).length < 60; k++) {
      const it = pool[k % pool.length]!;
      const cur: NewsItem = buf ? { ...buf, text: `${buf.text}\n\n${it.title}. ${it.text}` } : { id: `${lang}-${k}`, lang, title: it.title, text: it.text };
      buf = cur;
      const bytes = Buffer.byteLength(cur.text);
      if (bytes >= 2048) {
        if (bytes > 4096) cur.text = Buffer.from(cur.text).subarray(0, 4096).toString('utf8').replace(/\uFFFD+$/, '');
        out.push(cur);
        buf = null;
      }
    }
  }
  return out;
}

export async function benchEngine(log: (s: string) => void): Promise<BenchResult[]> {
  const corpus = benchCorpus();
  const kb = corpus.reduce((n, c) => n + Buffer.byteLength(c.text), 0) / corpus.length / 1024;
  log(`engine corpus: ${corpus.length} articles (${['kk', 'ru', 'en'].map((l) => `${l} ${corpus.filter((c) => c.lang === l).length}`).join(', ')}), mean ${kb.toFixed(1)} KB`);

  const tokenizer = new (require('natural/lib/natural/tokenizers/aggressive_tokenizer_ru.js'))();
  const stemmer = require('natural/lib/natural/stemmers/porter_stemmer_ru.js');
  const engine = getEngine();
  // Fresh ids each pass would not change the work; the engine caches stems, not results.
  const [baseTimes, engineTimes] = timeInAlternation([
    () => {
      for (const c of corpus) for (const tok of tokenizer.tokenize(`${c.title}\n${c.text}`)) stemmer.stem(tok);
    },
    () => {
      for (const c of corpus) engine.analyze({ id: c.id, title: c.title, text: c.text });
    },
  ], { warmupMs: 2000, minMs: 4000, minRounds: 5 });
  const baseline = corpus.length / (median(baseTimes!) / 1000);
  const value = corpus.length / (median(engineTimes!) / 1000);
  // The ratio of each round (baseline and engine timed back to back), then the median over rounds.
  const ratios = baseTimes!.map((b, k) => b / engineTimes![k]!);
  const ratio = median(ratios);
  log(
    `engine: ${value.toFixed(0)} articles/s; baseline (natural AggressiveTokenizerRu + PorterStemmerRu): ${baseline.toFixed(0)} articles/s; ` +
      `per-round ratio median ${ratio.toFixed(2)} (min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}, ${ratios.length} rounds)`,
  );

  const startupScript = `const t0=performance.now(); const m=await import(${JSON.stringify(join(import.meta.dirname, '../shared/analysis/engine.ts'))}); const e=m.getEngine(); e.analyze({id:'x',text:'Қордай ауданында төбелес болды.'}); process.stdout.write(String(performance.now()-t0));`;
  const startups: number[] = [];
  for (let i = 0; i < 3; i++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', startupScript], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    startups.push(Number(out.trim().split('\n').pop()));
  }
  const startup = Math.min(...startups);
  log(`engine start-up (fresh process, load + first analysis): ${startups.map((s) => s.toFixed(0)).join(', ')} ms`);
  return [
    { metric: 'analysis engine throughput (1 core)', value, unit: 'articles/s', baseline, ratio, target: 'ratio >= 1 vs natural tokenizer+stemmer', met: ratio >= 1 },
    { metric: 'analysis engine start-up', value: startup, unit: 'ms', target: '< 300 ms', met: startup < 300 },
  ];
}
