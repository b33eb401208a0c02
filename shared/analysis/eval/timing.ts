// Timing in alternation, for speed figures that hold up on a shared machine.

/**
 * Runs the passes in alternation: every round times every pass once, back to back, so a neighbour's
 * CPU load slows the baseline and the engine alike. Rounds go on until both `minMs` have passed and
 * `minRounds` are done. Returns the round times (ms) per pass.
 *
 * Before timing, the passes run untimed in alternation for `warmupMs` (at least once each): V8
 * optimises a large code base such as the engine over the first second or so of use, and a one-pass
 * warm-up measured the engine's first rounds at half its steady speed, as no long-running worker
 * ever runs.
 */
export function timeInAlternation(passes: Array<() => void>, opts: { minMs?: number; minRounds?: number; warmupMs?: number }): number[][] {
  const minMs = opts.minMs ?? 0;
  const minRounds = opts.minRounds ?? 1;
  const w0 = performance.now();
  do for (const p of passes) p();
  while (performance.now() - w0 < (opts.warmupMs ?? 0));
  const times: number[][] = passes.map(() => []);
  const t0 = performance.now();
  while (performance.now() - t0 < minMs || times[0]!.length < minRounds) {
    passes.forEach((p, k) => {
      const a = performance.now();
      p();
      times[k]!.push(performance.now() - a);
    });
  }
  return times;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}
