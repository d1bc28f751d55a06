/**
 * Ticks for an axis in log10 units: whole decades when at least two fall in range, else the 1-2-5 steps
 * inside the range, else just its ends. Labels are the values themselves, compact (1e-3, 0.02, 5).
 */
export function logTicks(log10From: number, log10To: number): number[] {
  const decades: number[] = [];
  for (let d = Math.ceil(log10From - 1e-9); d <= log10To + 1e-9; d++) decades.push(d);
  if (decades.length >= 2) return decades;
  const steps: number[] = [];
  for (let d = Math.floor(log10From) - 1; d <= Math.ceil(log10To); d++) {
    for (const m of [1, 2, 5]) {
      const l = d + Math.log10(m);
      if (l >= log10From - 1e-9 && l <= log10To + 1e-9) steps.push(l);
    }
  }
  return steps.length >= 2 ? steps : [log10From, log10To];
}

export function formatLogTick(log10: number): string {
  const v = 10 ** log10;
  if (v >= 0.01 && v < 1000) return String(Number(v.toPrecision(2)));
  return v.toExponential(0).replace('e+', 'e');
}
