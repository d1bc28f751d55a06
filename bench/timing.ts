/** Median milliseconds of `runs` calls of f, after one warm-up call (shared by the bench tables). */
export function medianMs(f: () => unknown, runs: number): number {
  f(); // warm-up
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
