// Runs the engine over a labelled news file and prints, per language: n, precision, recall and F1 for
// label 1, macro-F1 (mean of the F1 of label 0 and label 1), and region/district accuracy over the items
// whose gold code is non-null (a null prediction counts as wrong).
//   node --import tsx bench/data/news-eval.ts [file.jsonl] [--details] [--json]
// Default file: bench/data/news-test2.jsonl. Each item goes in as {id, title, text, lang}, as the CLI
// reads it; no feedRegion hint is given. --details lists every misclassified item and every wrong
// district/region.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, ENGINE_VERSION } from '../../shared/analysis/engine.ts';

interface Item {
  id: string; lang: 'kk' | 'ru' | 'en'; title: string; text: string; label: 0 | 1; severity: string;
  district: string | null; region: string | null; note: string;
}

interface Row {
  item: Item; score: number; pred: 0 | 1; severity: string; district: string | null; region: string | null;
}

interface Cell {
  n: number; tp: number; fp: number; fn: number; tn: number;
  precision: number; recall: number; f1: number; macroF1: number;
  regionN: number; regionOk: number; districtN: number; districtOk: number;
}

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const path = resolve(args.find((a) => !a.startsWith('--')) ?? resolve(here, 'news-test2.jsonl'));
const details = args.includes('--details');
const asJson = args.includes('--json');

const items: Item[] = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
const rows: Row[] = items.map((item) => {
  const r = analyze({ id: item.id, title: item.title, text: item.text, lang: item.lang });
  return {
    item, score: r.tension.score, pred: r.tension.label, severity: r.tension.severity,
    district: r.district?.kato ?? null, region: r.region?.kato ?? null,
  };
});

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
function cell(rs: Row[]): Cell {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const r of rs) {
    if (r.item.label === 1) r.pred === 1 ? c.tp++ : c.fn++;
    else r.pred === 1 ? c.fp++ : c.tn++;
  }
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const p0 = c.tn + c.fn ? c.tn / (c.tn + c.fn) : 0;
  const r0 = c.tn + c.fp ? c.tn / (c.tn + c.fp) : 0;
  const withRegion = rs.filter((r) => r.item.region !== null);
  const withDistrict = rs.filter((r) => r.item.district !== null);
  return {
    n: rs.length, ...c, precision, recall, f1: f1(precision, recall), macroF1: (f1(precision, recall) + f1(p0, r0)) / 2,
    regionN: withRegion.length, regionOk: withRegion.filter((r) => r.region === r.item.region).length,
    districtN: withDistrict.length, districtOk: withDistrict.filter((r) => r.district === r.item.district).length,
  };
}

const byLang: Record<string, Cell> = {};
for (const lang of ['kk', 'ru', 'en']) byLang[lang] = cell(rows.filter((r) => r.item.lang === lang));
byLang.all = cell(rows);

const misclassified = rows.filter((r) => r.pred !== r.item.label).map((r) => ({
  id: r.item.id, gold: r.item.label, goldSeverity: r.item.severity, score: Number(r.score.toFixed(3)), pred: r.pred,
  predSeverity: r.severity, title: r.item.title,
}));
const geoErrors = rows.filter((r) => (r.item.region !== null && r.region !== r.item.region) || (r.item.district !== null && r.district !== r.item.district))
  .map((r) => ({ id: r.item.id, goldDistrict: r.item.district, predDistrict: r.district, goldRegion: r.item.region, predRegion: r.region, title: r.item.title }));

if (asJson) {
  process.stdout.write(JSON.stringify({ engine: ENGINE_VERSION, file: path, byLang, misclassified, geoErrors }, null, 2) + '\n');
} else {
  const pct = (x: number) => (100 * x).toFixed(1);
  const acc = (ok: number, n: number) => (n ? `${ok}/${n} ${pct(ok / n)}%` : '–');
  process.stdout.write(`${ENGINE_VERSION}\n${path}\n\n`);
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
