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
