// Train the tension classifier and stacker; writes shared/analysis/models/tension-model.json.
//   npm run train            (add -- --show-errors to list out-of-fold news errors on stderr)
//
// Data (see README "Training set"):
//  - tension-dev.jsonl minus the held-out 20% (isHeldOut, by hash of id), RuEthnoHate markup removed;
//  - training/corpus/news-train.jsonl (news, kk/ru/en);
//  - training/extra-*.jsonl (sentences written for this project).
// Per-source handling: every (source, label) cell is weighted so that each source is balanced and
// contributes in proportion to its size, except that s-nlp positives (a *topic* flag: neutral
// mentions of nationality count) get half weight, and news/extra documents get CLASSIFIER_NEWS_SHARE of the
// total mass because the product reads news.
//
// Why not natural's LogisticRegressionClassifier: it delegates to apparatus, which builds a dense
// sylvester matrix of documents × vocabulary and runs batch gradient descent on it (7,500 × 30,000
// cells here); that does not finish in reasonable time or memory. BayesClassifier trains fast but
// its probabilities are not calibrated and its JSON keeps every feature. So the classifier is a
// sparse logistic regression fit here with AdaGrad on features produced by the engine's own pipeline
// (natural's Porter stemmers for ru/en, our Kazakh stemmer).
//
// The stacker is fit on out-of-fold classifier logits (5 folds) so it sees honest logits; the
// threshold per language is the middle of the range whose out-of-fold macro-F1 (mean over the
// language's sources) is within 0.01 of the best, narrowed to where the pooled news are too.

import { writeFileSync } from 'node:fs';
import { applyOverrides, TensionAnalyzer } from '../tension/analyze.ts';
import { featureVectorNames, logitFromSum, sigmoid, stackVector, type TensionModel } from '../tension/classifier.ts';
import type { RuleFeatures } from '../tension/rules.ts';
import { binaryMetrics } from '../eval/metrics.ts';
import { loadLexicon } from '../tension/lexicon.ts';
import { MODEL_URL } from '../tension/classifier.ts';
import { fnv1a, foldOf, isHeldOut, loadExtra, loadNewsTrain, loadTensionDev, type LabelledDoc } from './data.ts';

export const MODEL_VERSION = '2026.11.2';
const FOLDS = 5;
/** Out-of-fold macro-F1 within this of the best counts as the pooled news plateau (see the thresholds below). */
const NEWS_PLATEAU_TOLERANCE = 0.005;
/** Share of the classifier's training mass given to news documents (news-train + extra). */
const CLASSIFIER_NEWS_SHARE = Number(process.env.BITIM_CLF_NEWS_SHARE ?? 0.3);
const SNLP_POSITIVE_WEIGHT = 0.5;
const MAX_FEATURES = 10000;
/** Share of the stacker's training mass given to news documents. */
const STACKER_NEWS_SHARE = 0.5;
const EPOCHS = 12;
const LEARNING_RATE = 0.1;
const L2 = 2e-5;

interface Row {
  doc: LabelledDoc;
  feats: string[];
  rules: RuleFeatures;
  weight: number;
  y: 0 | 1;
}

interface SparseModel {
  bias: number;
  weights: Map<string, number>;
}

function trainSparse(rows: Row[], epochs = EPOCHS): SparseModel {
  const w = new Map<string, number>();
  const g2 = new Map<string, number>();
  let bias = 0;
  let gb2 = 1e-8;
  // Deterministic shuffle order per epoch.
  const order = rows.map((_, i) => i);
  for (let ep = 0; ep < epochs; ep++) {
    order.sort((a, b) => hashInt(a * 7919 + ep) - hashInt(b * 7919 + ep));
    for (const i of order) {
      const r = rows[i]!;
      const scale = r.feats.length ? 1 / Math.sqrt(r.feats.length) : 0;
      let z = bias;
      for (const f of r.feats) z += (w.get(f) ?? 0) * scale;
      const grad = (sigmoid(z) - r.y) * r.weight;
      gb2 += grad * grad;
      bias -= (LEARNING_RATE * grad) / Math.sqrt(gb2);
      for (const f of r.feats) {
        const old = w.get(f) ?? 0;
        const g = grad * scale + L2 * old;
        const acc = (g2.get(f) ?? 1e-8) + g * g;
        g2.set(f, acc);
        w.set(f, old - (LEARNING_RATE * g) / Math.sqrt(acc));
      }
    }
  }
  return { bias, weights: w };
}

function hashInt(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}

function prune(m: SparseModel, max: number): SparseModel {
  const top = [...m.weights.entries()].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, max);
  return { bias: m.bias, weights: new Map(top.map(([k, v]) => [k, Math.round(v * 1e4) / 1e4])) };
}

function logitOf(m: SparseModel, feats: string[]): number {
  let s = 0;
  for (const f of feats) s += m.weights.get(f) ?? 0;
  return logitFromSum(m, s, feats.length);
}

/**
 * Sign constraints on the stacker's rule features, from what the signals mean rather than from the
 * data: social-media training sets mention groups and violence in label-0 posts all the time, and
 * without constraints the stacker learnt that a group and a clash in one sentence, or a graver
 * severity tier, *lower* the risk of a news article. +1: weight ≥ 0, -1: weight ≤ 0, 0: free.
 */
const STACKER_SIGNS: Record<string, -1 | 0 | 1> = {
  clf_logit: 1, conflict: 1, conflict_with_group: 1, hostility: 1, interethnic: 1, severity: 1, mobilisation: 1,
  grievance_with_group: 1, peace: -1, denial: -1, negated: -1, historical: -1,
};

/** Dense logistic regression (the stacker), full-batch projected gradient descent with a small L2. */
function trainDense(x: number[][], y: number[], wts: number[], iters = 3000): { bias: number; weights: number[] } {
  const signs = featureVectorNames().map((n) => STACKER_SIGNS[n] ?? 0);
  const d = x[0]!.length;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const lr = 0.5;
  const l2 = 1e-3;
  const W = wts.reduce((a, c) => a + c, 0);
  for (let it = 0; it < iters; it++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (let i = 0; i < x.length; i++) {
      let z = b;
      for (let j = 0; j < d; j++) z += w[j]! * x[i]![j]!;
      const e = (sigmoid(z) - y[i]!) * wts[i]!;
      gb += e;
      for (let j = 0; j < d; j++) gw[j]! += e * x[i]![j]!;
    }
    b -= (lr * gb) / W;
    for (let j = 0; j < d; j++) {
      w[j]! -= lr * (gw[j]! / W + l2 * w[j]!);
      if (signs[j]! * w[j]! < 0) w[j] = 0;
    }
  }
  return { bias: round4(b), weights: w.map(round4) };
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

function cellWeights(rows: Row[]): void {
  const bySource = new Map<string, Row[]>();
  for (const r of rows) {
    const k = r.doc.source;
    const list = bySource.get(k) ?? [];
    list.push(r);
    bySource.set(k, list);
  }
  for (const [source, list] of bySource) {
    const pos = list.filter((r) => r.y === 1).length;
    const neg = list.length - pos;
    for (const r of list) {
      // Balance the two labels inside the source, keep the source's overall mass.
      let w = (list.length / 2) / Math.max(1, r.y === 1 ? pos : neg);
      if (source === 'snlp' && r.y === 1) w *= SNLP_POSITIVE_WEIGHT;
      r.weight = w;
    }
  }
  // The news domain (news + extra) gets CLASSIFIER_NEWS_SHARE of the total mass.
  const isNews = (r: Row) => r.doc.source === 'news' || r.doc.source === 'extra';
  const news = rows.reduce((a, r) => a + (isNews(r) ? r.weight : 0), 0);
  const social = rows.reduce((a, r) => a + (isNews(r) ? 0 : r.weight), 0);
  if (news > 0) {
    const k = (CLASSIFIER_NEWS_SHARE / (1 - CLASSIFIER_NEWS_SHARE)) * (social / news);
    for (const r of rows) if (isNews(r)) r.weight *= k;
  }
}

/**
 * Stacker weights: the news domain (news + extra) gets the same total mass as the social-media
 * domain, labels balanced inside each source, so the rule features are weighted for news.
 */
function stackerWeights(rows: Row[]): number[] {
  const isNews = (r: Row) => r.doc.source === 'news' || r.doc.source === 'extra';
  const mass = (pred: (r: Row) => boolean) => rows.reduce((a, r) => a + (pred(r) ? r.weight : 0), 0);
  const social = mass((r) => !isNews(r));
  const news = mass(isNews);
  const k = news > 0 ? (STACKER_NEWS_SHARE / (1 - STACKER_NEWS_SHARE)) * (social / news) : 1;
  return rows.map((r) => (isNews(r) ? r.weight * k : r.weight));
}

function main(): void {
  const t0 = performance.now();
  const analyzer = new TensionAnalyzer({ model: null });
  const dev = loadTensionDev().filter((d) => !isHeldOut(d.id));
  const news = loadNewsTrain();
  const extra = loadExtra();
  const docs = [...dev, ...news, ...extra];
  const rows: Row[] = docs.map((doc) => {
    const x = analyzer.extract({ text: doc.text, title: doc.title, lang: doc.lang });
    return { doc, feats: [...x.features], rules: x.rules.features, weight: 1, y: doc.label };
  });
  cellWeights(rows);
  const counts: Record<string, number> = {};
  for (const d of docs) counts[`${d.source}/${d.lang}/${d.label}`] = (counts[`${d.source}/${d.lang}/${d.label}`] ?? 0) + 1;
  process.stderr.write(`training rows: ${rows.length} ${JSON.stringify(counts)}\n`);

  // Out-of-fold classifier logits for the stacker.
  const oof = new Array<number>(rows.length).fill(0);
  for (let k = 0; k < FOLDS; k++) {
    const trainRows = rows.filter((r) => foldOf(r.doc.id, FOLDS) !== k);
    const m = prune(trainSparse(trainRows), MAX_FEATURES);
    rows.forEach((r, i) => {
      if (foldOf(r.doc.id, FOLDS) === k) oof[i] = logitOf(m, r.feats);
    });
  }
  const full = prune(trainSparse(rows), MAX_FEATURES);

  const X = rows.map((r, i) => stackVector(oof[i]!, r.rules));
  const stacker = trainDense(X, rows.map((r) => r.y), stackerWeights(rows));
  const stackScores = X.map((v, i) => {
    let z = stacker.bias;
    v.forEach((x, j) => (z += stacker.weights[j]! * x));
    return applyOverrides(sigmoid(z), rows[i]!.rules);
  });

  // Thresholds per language: maximise the mean over that language's sources of macro-F1
  // (out-of-fold), so that news and social media count equally.
  const thresholds: Record<string, number> = {};
  const plateaus: Record<string, unknown> = {};
  // Each language's plateau: the thresholds whose objective (the mean over its sources of out-of-fold
  // macro-F1) is within 0.01 of the best (NEWS_PLATEAU_TOLERANCE for the pooled news). Kazakh has news only (no social-media set), so its objective
  // is the news of all three languages pooled (about four times the Kazakh rows), which is less noisy.
  // Small sets have wide, ragged plateaus whose ends move from one training run to the next; the
  // threshold is the middle of the language's plateau where it overlaps the pooled-news plateau (good
  // for both the language's own sources and news), else the middle of the language's plateau.
  const isNewsRow = (i: number) => rows[i]!.doc.source === 'news' || rows[i]!.doc.source === 'extra';
  const plateauOf = (idx: number[], sources: string[], tolerance = 0.01) => {
    const scored: Array<{ t: number; score: number }> = [];
    for (let t = 0.3; t <= 0.9001; t += 0.01) {
      const per = sources.map((src) =>
        binaryMetrics(idx.filter((i) => rows[i]!.doc.source === src).map((i) => ({ gold: rows[i]!.y, pred: (stackScores[i]! >= t ? 1 : 0) as 0 | 1 }))).macroF1,
      );
      scored.push({ t: Math.round(t * 100) / 100, score: per.reduce((a, b) => a + b, 0) / Math.max(1, per.length) });
    }
    const top = Math.max(...scored.map((x) => x.score));
    const good = scored.filter((x) => x.score >= top - tolerance).map((x) => x.t);
    return { best: Math.round(top * 1000) / 1000, lo: Math.min(...good), hi: Math.max(...good) };
  };
  const newsIdx = rows.map((_, i) => i).filter(isNewsRow);
  // The pooled news (some 520 rows, nearly separable) take a tighter tolerance: 0.01 is five errors
  // there, and that plateau ran to the bottom of the scan (0.30), so its middle moved with the lowest
  // negative of each training run rather than with the model.
  const newsPlateau = plateauOf(newsIdx, ['news', 'extra'], NEWS_PLATEAU_TOLERANCE);
  for (const l of ['kk', 'ru', 'en'] as const) {
    const idx = l === 'kk' ? newsIdx : rows.map((_, i) => i).filter((i) => rows[i]!.doc.lang === l);
    const own = l === 'kk' ? newsPlateau : plateauOf(idx, [...new Set(idx.map((i) => rows[i]!.doc.source))]);
    const lo = Math.max(own.lo, newsPlateau.lo);
    const hi = Math.min(own.hi, newsPlateau.hi);
    const [a, b] = lo <= hi ? [lo, hi] : [own.lo, own.hi];
    thresholds[l] = Math.round(((a + b) / 2) * 100) / 100;
    plateaus[l] = { best: own.best, within001: [own.lo, own.hi], withNews: [a, b] };
  }
  thresholds.other = thresholds.ru!;
  const thr = (l: string) => thresholds[l] ?? 0.5;

  if (process.argv.includes('--show-errors')) {
    rows.forEach((r, i) => {
      const pred = stackScores[i]! >= thresholds[r.doc.lang]! ? 1 : 0;
      if (pred !== r.y && (r.doc.source === 'news' || r.doc.source === 'extra')) {
        process.stderr.write(`${r.y ? 'FN' : 'FP'} ${r.doc.id} ${stackScores[i]!.toFixed(2)} ${(r.doc.title ?? r.doc.text).slice(0, 90)}\n`);
      }
    });
  }

  const metrics: Record<string, unknown> = {};
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    for (const key of [`lang=${r.doc.lang}`, `source=${r.doc.source}/${r.doc.lang}`]) {
      const list = groups.get(key) ?? [];
      list.push(i);
      groups.set(key, list);
    }
  });
  for (const [key, idx] of [...groups.entries()].sort()) {
    const m = binaryMetrics(idx.map((i) => ({ gold: rows[i]!.y, pred: (stackScores[i]! >= thr(rows[i]!.doc.lang) ? 1 : 0) as 0 | 1 })));
    const clfOnly = binaryMetrics(idx.map((i) => ({ gold: rows[i]!.y, pred: (oof[i]! >= 0 ? 1 : 0) as 0 | 1 })));
    metrics[key] = { n: m.n, precision: m.precision, recall: m.recall, f1: m.f1, macroF1: m.macroF1, classifierOnlyMacroF1: clfOnly.macroF1 };
  }

  const classifierWeights = Object.fromEntries(full.weights);
  // The hash covers the weights themselves, so any retraining that changes the model (a new
  // constraint, a data fix) changes ENGINE_VERSION and stored analyses can be told apart.
  const fitted = `${round4(full.bias)}|${JSON.stringify(classifierWeights)}|${JSON.stringify(stacker)}|${JSON.stringify(thresholds)}`;
  const model: TensionModel = {
    version: `${MODEL_VERSION}+${fnv1a(`${loadLexicon().version}|${JSON.stringify(counts)}|${EPOCHS},${LEARNING_RATE},${L2},${MAX_FEATURES},${CLASSIFIER_NEWS_SHARE},${STACKER_NEWS_SHARE}|${fitted}`).toString(16)}`,
    lexiconVersion: loadLexicon().version,
    about: {
      data: counts,
      heldOut: 'tension-dev ids with fnv1a("bitim-heldout-v1:"+id) % 100 < 20 are never used here',
      derivedFrom: ['RuEthnoHate (Pronoza et al. 2021; research use, attribution)', 's-nlp sensitive topics (CC BY-NC-SA 4.0)', 'ETHOS (GPL-3.0)', 'news-train.jsonl', 'extra-*.jsonl'],
      outOfFoldMetrics: metrics,
      thresholdObjective: 'per language: mean over its sources of macro-F1, out-of-fold',
    },
    classifier: { bias: round4(full.bias), weights: classifierWeights },
    stacker: { names: featureVectorNames(), bias: stacker.bias, weights: stacker.weights },
    thresholds: thresholds as TensionModel['thresholds'],
  };
  writeFileSync(MODEL_URL, JSON.stringify(model) + '\n');
  const out = {
    wrote: MODEL_URL.pathname,
    features: full.weights.size,
    thresholds,
    thresholdPlateaus: plateaus,
    stacker: Object.fromEntries(featureVectorNames().map((n, j) => [n, stacker.weights[j]])),
    outOfFold: metrics,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
  };
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

main();
