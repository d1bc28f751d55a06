/**
 * Tick labels short enough for the plot's left margin: at most 6 significant digits, and powers of ten
 * for very large or small values ("1e7", "2.5e−4"), where 6 digits printed "10000000" and the margin cut
 * it to "0000000" (issue 11).
 */
export function formatTick(v: number): string {
  if (v === 0 || !Number.isFinite(v)) return v === 0 ? '0' : String(v);
  const a = Math.abs(v);
  const text = a >= 1e5 || a < 1e-3 ? Number(v.toPrecision(4)).toExponential().replace('e+', 'e') : String(Number(v.toPrecision(6)));
  return text.replace(/-/g, '−');
}
