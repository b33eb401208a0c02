// Shared bench plumbing: timing, percentiles and the results file (bench/results.json).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchResult {
  metric: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  target: string;
  met: boolean;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function report(results: BenchResult[]): void {
  for (const r of results) {
    const base = r.baseline !== undefined ? `  baseline ${round(r.baseline)} ${r.unit}  ratio ${round(r.ratio ?? NaN)}` : '';
    process.stdout.write(`${r.met ? 'MET ' : 'MISS'}  ${r.metric.padEnd(44)} ${String(round(r.value)).padStart(10)} ${r.unit}${base}   target: ${r.target}\n`);
  }
}

export function writeResults(results: BenchResult[]): string {
  const path = join(import.meta.dirname, 'results.json');
  writeFileSync(path, JSON.stringify(results, null, 2) + '\n');
  return path;
}
