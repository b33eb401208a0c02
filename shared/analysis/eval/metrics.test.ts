import { describe, expect, it } from 'vitest';
import { binaryMetrics, calibration } from './metrics.ts';

describe('metrics', () => {
  it('precision, recall, F1 and macro-F1', () => {
    const m = binaryMetrics([
      { gold: 1, pred: 1 }, { gold: 1, pred: 0 }, { gold: 0, pred: 1 }, { gold: 0, pred: 0 }, { gold: 0, pred: 0 },
    ]);
    expect(m).toMatchObject({ tp: 1, fn: 1, fp: 1, tn: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(m.macroF1).toBeCloseTo((0.5 + 2 / 3) / 2, 3);
  });
  it('calibration: a perfect forecaster has zero error, an overconfident one does not', () => {
    expect(calibration([{ gold: 1, score: 1 }, { gold: 0, score: 0 }])).toEqual({ brier: 0, ece: 0 });
    const over = calibration([{ gold: 0, score: 0.95 }, { gold: 1, score: 0.95 }]);
    expect(over.ece).toBeCloseTo(0.45, 3);
    expect(over.brier).toBeCloseTo((0.95 ** 2 + 0.05 ** 2) / 2, 2);
  });
});
