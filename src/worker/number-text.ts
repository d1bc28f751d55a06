/**
 * Numbers as text in data files: exact, never rounded for looks and never padded with digits the value
 * does not have. A float64 is written as JavaScript's shortest round-trip decimal (String(x), which is
 * also JSON's spelling); a float32 (the network slices) as the shortest decimal that reads back to the
 * same float32, so −0.052 is "-0.052" and not its float64 widening "-0.052000001072883606".
 */

/** The shortest decimal that parses back to the same float64 (finite x). */
export function float64Text(x: number): string {
  return String(x);
}

/** The shortest decimal whose nearest float32 is x; x must be a float32 value (e.g. read from a Float32Array). */
export function float32Text(x: number): string {
  if (!Number.isFinite(x) || x === 0) return String(x);
  // Nine significant digits always round-trip a float32; the loop finds the fewest that do.
  for (let digits = 1; digits <= 9; digits++) {
    const shorter = Number(x.toPrecision(digits));
    if (Math.fround(shorter) === x) return String(shorter);
  }
  return String(x);
}

export type Precision = 'float64' | 'float32';

/**
 * A CSV cell. Non-finite values keep their meaning in the spelling pandas, R and spreadsheets read
 * back as numbers, as the app's other CSV exports do: +∞ (proven infinite) 'Infinity', −∞ '-Infinity',
 * and a value that could not be computed 'NaN' (its reason is in the JSON file's notes).
 */
export function csvCell(x: number, precision: Precision = 'float64'): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return precision === 'float32' ? float32Text(x) : float64Text(x);
}

/** A JSON value: JSON has no ∞ or NaN, so a non-finite value is null (the file's nonFinite runs say which). */
export function jsonCell(x: number, precision: Precision = 'float64'): string {
  if (!Number.isFinite(x)) return 'null';
  return precision === 'float32' ? float32Text(x) : float64Text(x);
}
