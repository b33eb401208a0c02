// Runs the engine over a labelled news file and prints, per language: n, precision, recall and F1 for
// label 1, macro-F1 (mean of the F1 of label 0 and label 1), and region/district accuracy over the items
// whose gold code is non-null (a null prediction counts as wrong).
//   node --import tsx bench/data/news-eval.ts [file.jsonl] [--details] [--json]
// Default file: bench/data/news-test2.jsonl. Each item goes in as {id, title, text, lang}, as the CLI
// reads it; no feedRegion hint is given. --details lists every misclassified item and every wrong
// district/region. The metrics are the shared eval module's (shared/analysis/eval/news.ts), which
// `npm run eval` also prints for news-test2.
import { resolve } from 'node:path';
import { evaluateNews, NEWS_TEST2 } from '../../shared/analysis/eval/news.ts';

const args = process.argv.slice(2);
const path = resolve(args.find((a) => !a.startsWith('--')) ?? NEWS_TEST2);
const details = args.includes('--details');
const asJson = args.includes('--json');

const res = evaluateNews(path);
if (!res) {
  process.stderr.write(`${path}: not found\n`);
  process.exit(1);
}
const { rows } = res;
const byLang = Object.fromEntries(
  Object.entries(res.tension).map(([lang, c]) => {
    const g = res.geo[lang]!;
    const { falsePositives: _fp, falseNegatives: _fn, ...m } = c;
    return [lang, { ...m, regionN: g.regionN, regionOk: g.regionOk, districtN: g.districtN, districtOk: g.districtOk }];
  }),
);
const misclassified = rows.filter((r) => r.pred !== r.item.label).map((r) => ({
  id: r.item.id, gold: r.item.label, goldSeverity: r.item.severity, score: Number(r.score.toFixed(3)), pred: r.pred,
  predSeverity: r.severity, title: r.item.title,
}));
const geoErrors = rows.filter((r) => (r.item.region !== null && r.region !== r.item.region) || (r.item.district !== null && r.district !== r.item.district))
  .map((r) => ({ id: r.item.id, goldDistrict: r.item.district, predDistrict: r.district, goldRegion: r.item.region, predRegion: r.region, title: r.item.title }));

if (asJson) {
  process.stdout.write(JSON.stringify({ engine: res.engine, file: path, byLang, misclassified, geoErrors }, null, 2) + '\n');
} else {
  const pct = (x: number) => (100 * x).toFixed(1);
  const acc = (ok: number, n: number) => (n ? `${ok}/${n} ${pct(ok / n)}%` : '–');
  process.stdout.write(`${res.engine}\n${path}\n\n`);
  process.stdout.write('| lang | n | P (1) | R (1) | F1 (1) | macro-F1 | TP | FP | FN | TN | region acc | district acc |\n');
  process.stdout.write('|---|---|---|---|---|---|---|---|---|---|---|---|\n');
  for (const [lang, c] of Object.entries(byLang)) {
    process.stdout.write(`| ${lang} | ${c.n} | ${pct(c.precision)} | ${pct(c.recall)} | ${pct(c.f1)} | ${pct(c.macroF1)} | ${c.tp} | ${c.fp} | ${c.fn} | ${c.tn} | ${acc(c.regionOk, c.regionN)} | ${acc(c.districtOk, c.districtN)} |\n`);
  }
  if (details) {
    process.stdout.write(`\nMisclassified (${misclassified.length}):\n`);
    for (const m of misclassified) process.stdout.write(`  ${m.id} gold=${m.gold}/${m.goldSeverity} score=${m.score} pred=${m.pred}/${m.predSeverity} | ${m.title}\n`);
    process.stdout.write(`\nWrong district or region (${geoErrors.length}):\n`);
    for (const g of geoErrors) process.stdout.write(`  ${g.id} district ${g.goldDistrict} -> ${g.predDistrict}; region ${g.goldRegion} -> ${g.predRegion} | ${g.title}\n`);
  }
}
