/** Counts of +∞ and NaN cells, said in words (theory.md §2 fact 7: never hide an infinite sup). */
export function nonFiniteNotes(values: Float64Array, symbol: string): string[] {
  let inf = 0;
  let nan = 0;
  for (const v of values) {
    if (v === Infinity) inf++;
    else if (Number.isNaN(v)) nan++;
  }
  const notes: string[] = [];
  const pct = (k: number) => `${((100 * k) / values.length).toFixed(k * 1000 < values.length ? 1 : 0)}%`;
  if (inf > 0) notes.push(`${symbol} is +∞ on ${inf} cells (${pct(inf)}): the loss grows too fast for that σ (hatched dark).`);
  if (nan > 0) notes.push(`${symbol} could not be computed on ${nan} cells (${pct(nan)}) (hatched light).`);
  return notes;
}
