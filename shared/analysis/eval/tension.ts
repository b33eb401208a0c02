// Tension evaluation: per language precision, recall, F1 (label 1), macro-F1, and confusion examples.
//   node --import tsx shared/analysis/eval/tension.ts [--json] [--examples N]
// Sets: (a) the held-out 20% of tension-dev.jsonl (never used in training), per language and per
// source; (b) bench/data/news-test.jsonl (kk, ru, en), the news test set written by the corpus
// author; (c) bench/data/news-test2.jsonl … news-test15.jsonl, news written blind (eval/news.ts). None is used
// for training or tuning.

import { fileURLToPath } from 'node:url';
import { TensionAnalyzer } from '../tension/analyze.ts';
import { evalCell, type EvalCell } from './metrics.ts';
import { BLIND_NEWS_SETS, evaluateNews } from './news.ts';
import { isHeldOut, loadNewsTest, loadTensionDev, TENSION_DEV, tensionDevAvailable, type LabelledDoc } from '../training/data.ts';

export type { ConfusionExample, EvalCell } from './metrics.ts';

export interface TensionEvaluation {
  engine: string;
  /** null when the dev set (beside the repository, not in it) is missing. */
  heldOutDev: { byLang: Record<string, EvalCell>; bySource: Record<string, EvalCell> } | null;
  newsTest: { byLang: Record<string, EvalCell> } | null;
  /** The news sets written blind (bench/data/news-test2.jsonl … -test15), through the full engine; absent files are left out. */
  blindNews: Array<{ title: string; byLang: Record<string, EvalCell> }>;
}

function cell(items: Array<{ doc: LabelledDoc; score: number; pred: 0 | 1 }>, examples: number): EvalCell {
  return evalCell(
    items.map((x) => ({ id: x.doc.id, gold: x.doc.label, score: x.score, pred: x.pred, text: `${x.doc.title ? x.doc.title + ' | ' : ''}${x.doc.text}` })),
    examples,
  );
}

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k) ?? [];
    list.push(x);
    m.set(k, list);
  }
  return new Map([...m.entries()].sort());
}

export function evaluateTension(opts: { examples?: number; analyzer?: TensionAnalyzer } = {}): TensionEvaluation {
  const examples = opts.examples ?? 5;
  const analyzer = opts.analyzer ?? new TensionAnalyzer();
  const run = (docs: LabelledDoc[]) =>
    docs.map((doc) => {
      // The language hint is not passed: the engine detects it as in production.
      const r = analyzer.analyze({ text: doc.text, title: doc.title });
      return { doc, score: r.tension.score, pred: r.tension.label };
    });
  const dev = tensionDevAvailable() ? run(loadTensionDev().filter((d) => isHeldOut(d.id))) : null;
  const heldOutDev = dev && {
    byLang: Object.fromEntries([...groupBy(dev, (x) => x.doc.lang)].map(([k, v]) => [k, cell(v, examples)])),
    bySource: Object.fromEntries([...groupBy(dev, (x) => `${x.doc.lang}/${x.doc.source}`)].map(([k, v]) => [k, cell(v, examples)])),
  };
  const newsDocs = loadNewsTest();
  const news = newsDocs.length ? run(newsDocs) : [];
  const blindNews = BLIND_NEWS_SETS.flatMap((set) => {
    const r = evaluateNews(set.file, { examples });
    return r ? [{ title: set.title, byLang: r.tension }] : [];
  });
  return {
    engine: analyzer.version,
    heldOutDev,
    newsTest: news.length ? { byLang: Object.fromEntries([...groupBy(news, (x) => x.doc.lang)].map(([k, v]) => [k, cell(v, examples)])) } : null,
    blindNews,
  };
}

function printTable(title: string, cells: Record<string, EvalCell>, withExamples: boolean): void {
  process.stdout.write(`\n${title}\n`);
  process.stdout.write(`${'set'.padEnd(16)} ${'n'.padStart(5)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)} ${'macroF1'.padStart(8)} ${'brier'.padStart(6)} ${'ECE'.padStart(6)}   tp/fp/fn/tn\n`);
  for (const [k, c] of Object.entries(cells)) {
    process.stdout.write(`${k.padEnd(16)} ${String(c.n).padStart(5)} ${c.precision.toFixed(3).padStart(6)} ${c.recall.toFixed(3).padStart(6)} ${c.f1.toFixed(3).padStart(6)} ${c.macroF1.toFixed(3).padStart(8)} ${c.brier.toFixed(3).padStart(6)} ${c.ece.toFixed(3).padStart(6)}   ${c.tp}/${c.fp}/${c.fn}/${c.tn}\n`);
  }
  if (!withExamples) return;
  for (const [k, c] of Object.entries(cells)) {
    for (const e of c.falsePositives) process.stdout.write(`  ${k} FP ${e.id} (${e.score}): ${e.text}\n`);
    for (const e of c.falseNegatives) process.stdout.write(`  ${k} FN ${e.id} (${e.score}): ${e.text}\n`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const exIdx = args.indexOf('--examples');
  const examples = exIdx >= 0 ? Number(args[exIdx + 1]) : 3;
  const res = evaluateTension({ examples });
  if (args.includes('--json')) process.stdout.write(JSON.stringify(res, null, 2) + '\n');
  else {
    process.stdout.write(`engine ${res.engine}\n`);
    if (res.heldOutDev) {
      printTable('held-out 20% of tension-dev, by language', res.heldOutDev.byLang, false);
      printTable('held-out 20% of tension-dev, by source', res.heldOutDev.bySource, true);
    } else process.stdout.write(`\ntension-dev: not found at ${TENSION_DEV} (put ../shared/data/eval beside the repository or set BITIM_TENSION_DEV); its section is skipped\n`);
    if (res.newsTest) printTable('bench/data/news-test.jsonl, by language', res.newsTest.byLang, true);
    else process.stdout.write('\nbench/data/news-test.jsonl: not present\n');
    for (const b of res.blindNews) printTable(`${b.title}, by language`, b.byLang, true);
  }
}
