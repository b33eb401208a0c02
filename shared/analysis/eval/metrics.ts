export interface BinaryMetrics {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  /** Mean of the F1 of class 1 and the F1 of class 0. */
  macroF1: number;
}

export function binaryMetrics(pairs: Array<{ gold: 0 | 1; pred: 0 | 1 }>): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { gold, pred } of pairs) {
    if (gold === 1 && pred === 1) tp++;
    else if (gold === 0 && pred === 1) fp++;
    else if (gold === 1 && pred === 0) fn++;
    else tn++;
  }
  const f = (a: number, b: number, c: number) => {
    const p = a + b ? a / (a + b) : 0;
    const r = a + c ? a / (a + c) : 0;
    return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
  };
  const pos = f(tp, fp, fn);
  const neg = f(tn, fn, fp);
  return {
    n: pairs.length, tp, fp, fn, tn,
    precision: r3(pos.p), recall: r3(pos.r), f1: r3(pos.f1), macroF1: r3((pos.f1 + neg.f1) / 2),
  };
}

function r3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Brier score and expected calibration error (10 equal-width bins) of probabilities against 0/1 labels. */
export function calibration(pairs: Array<{ gold: 0 | 1; score: number }>): { brier: number; ece: number } {
  if (pairs.length === 0) return { brier: 0, ece: 0 };
  let brier = 0;
  const bins = Array.from({ length: 10 }, () => ({ n: 0, sumScore: 0, sumGold: 0 }));
  for (const { gold, score } of pairs) {
    brier += (score - gold) ** 2;
    const b = bins[Math.min(9, Math.floor(score * 10))]!;
    b.n++;
    b.sumScore += score;
    b.sumGold += gold;
  }
  let ece = 0;
  for (const b of bins) if (b.n) ece += (b.n / pairs.length) * Math.abs(b.sumScore / b.n - b.sumGold / b.n);
  return { brier: r3(brier / pairs.length), ece: r3(ece) };
}

export interface ConfusionExample {
  id: string;
  score: number;
  text: string;
}

/** Binary metrics, calibration and the worst confusions of one set of scored items. */
export interface EvalCell extends BinaryMetrics {
  /** Brier score and expected calibration error of `score`. */
  brier: number;
  ece: number;
  falsePositives: ConfusionExample[];
  falseNegatives: ConfusionExample[];
}

/** One scored item: gold label, calibrated score, predicted label, and a text for the examples. */
export interface ScoredItem {
  id: string;
  gold: 0 | 1;
  score: number;
  pred: 0 | 1;
  /** Title and text; shortened for the example lists. */
  text: string;
}

/** The EvalCell of a set of scored items, with at most `examples` false positives and negatives (worst first). */
export function evalCell(items: ScoredItem[], examples: number): EvalCell {
  const m = binaryMetrics(items.map((x) => ({ gold: x.gold, pred: x.pred })));
  const cal = calibration(items.map((x) => ({ gold: x.gold, score: x.score })));
  const ex = (x: ScoredItem): ConfusionExample => ({ id: x.id, score: x.score, text: x.text.replace(/\s+/g, ' ').slice(0, 160) });
  return {
    ...m,
    ...cal,
    falsePositives: items.filter((x) => x.gold === 0 && x.pred === 1).sort((a, b) => b.score - a.score).slice(0, examples).map(ex),
    falseNegatives: items.filter((x) => x.gold === 1 && x.pred === 0).sort((a, b) => a.score - b.score).slice(0, examples).map(ex),
  };
}

/** Geocoding accuracy of one language (or set): the geo eval and the news eval print this. */
export interface GeoFigures {
  sentences: number;
  withPlace: number;
  regionAccuracy: number;
  districtAccuracy: number;
  districtN: number;
  regionN: number;
  /** Correct answers among regionN and districtN. */
  regionOk: number;
  districtOk: number;
  /** Items whose gold has no Kazakhstan region but the geocoder returned one. */
  spuriousRegion: number;
  mentionRecall?: number;
  errors: Array<{ id: string; text: string; expected: unknown; got: unknown }>;
}

/**
 * Running counts for GeoFigures. Region accuracy is over items with a gold region, district accuracy
 * over items with a gold district (a null answer counts as wrong); an item with no gold region that
 * gets one is a spurious region. Mention recall counts gold place codes found among the answer's places.
 */
export class GeoTally {
  private items = 0;
  private withPlace = 0;
  private rOk = 0;
  private rN = 0;
  private dOk = 0;
  private dN = 0;
  private spurious = 0;
  private mFound = 0;
  private mN = 0;
  readonly errors: GeoFigures['errors'] = [];

  /** Adds one item; returns true when its region or district is wrong. */
  add(
    id: string,
    text: string,
    gold: { region: string | null; district: string | null; places?: string[] },
    got: { region: string | null; district: string | null; places: string[] },
  ): boolean {
    this.items++;
    if (gold.places) {
      if (gold.places.length) this.withPlace++;
      const codes = new Set(got.places);
      for (const c of new Set(gold.places)) {
        this.mN++;
        if (codes.has(c)) this.mFound++;
      }
    }
    let bad = false;
    if (gold.region) {
      this.rN++;
      if (got.region === gold.region) this.rOk++;
      else bad = true;
    } else if (got.region) {
      this.spurious++;
      bad = true;
    }
    if (gold.district) {
      this.dN++;
      if (got.district === gold.district) this.dOk++;
      else bad = true;
    }
    if (bad) this.errors.push({ id, text, expected: { region: gold.region, district: gold.district }, got: { region: got.region, district: got.district, places: got.places } });
    return bad;
  }

  figures(): GeoFigures {
    return {
      sentences: this.items,
      withPlace: this.withPlace,
      regionAccuracy: this.rN ? this.rOk / this.rN : NaN,
      districtAccuracy: this.dN ? this.dOk / this.dN : NaN,
      districtN: this.dN,
      regionN: this.rN,
      regionOk: this.rOk,
      districtOk: this.dOk,
      spuriousRegion: this.spurious,
      mentionRecall: this.mN ? this.mFound / this.mN : undefined,
      errors: this.errors,
    };
  }
}
