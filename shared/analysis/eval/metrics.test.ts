import { describe, expect, it } from 'vitest';
import { binaryMetrics, calibration, evalCell, GeoTally } from './metrics.ts';

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
  it('evalCell keeps the worst confusions first', () => {
    const c = evalCell(
      [
        { id: 'a', gold: 0, score: 0.9, pred: 1, text: 'x' },
        { id: 'b', gold: 0, score: 0.7, pred: 1, text: 'y' },
        { id: 'c', gold: 1, score: 0.1, pred: 0, text: 'z' },
        { id: 'd', gold: 1, score: 0.8, pred: 1, text: 'w' },
      ],
      1,
    );
    expect(c).toMatchObject({ tp: 1, fp: 2, fn: 1, tn: 0 });
    expect(c.falsePositives.map((e) => e.id)).toEqual(['a']);
    expect(c.falseNegatives.map((e) => e.id)).toEqual(['c']);
  });
  it('GeoTally: accuracy over items with a gold code, a null answer is wrong, a spurious region counts', () => {
    const t = new GeoTally();
    t.add('1', '', { region: 'R1', district: 'D1' }, { region: 'R1', district: 'D1', places: [] });
    t.add('2', '', { region: 'R1', district: 'D2' }, { region: 'R1', district: null, places: [] });
    t.add('3', '', { region: null, district: null }, { region: 'R2', district: null, places: [] });
    const f = t.figures();
    expect(f).toMatchObject({ sentences: 3, regionN: 2, regionOk: 2, districtN: 2, districtOk: 1, spuriousRegion: 1 });
    expect(f.errors.map((e) => e.id)).toEqual(['2', '3']);
  });
});
