/** Number formatting shared by the readouts, inputs and the test-facing data attributes. */
import { format } from 'd3';

const g4 = format('.4~g');

/** A label or contour level: 4 significant digits, trailing zeros trimmed, a true minus sign. */
export function formatNumber(v: number): string {
  return g4(v).replace('-', '−');
}

/** A value for people: 4 significant digits, with +∞ and "not computable" spelled out. */
export function formatValue(v: number): string {
  if (v === Infinity) return '+∞';
  if (v === -Infinity) return '−∞';
  if (Number.isNaN(v)) return 'n/a';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(2).replace('-', '−');
  return String(Number(v.toPrecision(4))).replace('-', '−');
}

/**
 * A map value under the pointer: 4 significant digits, +∞ (proven infinite), "not computable" (NaN)
 * and "outside the grid" (no sample there) spelled out.
 */
export function formatMapValue(v: number | undefined): string {
  if (v === undefined) return 'outside the grid';
  if (v === Infinity) return '+∞';
  if (v === -Infinity) return '−∞';
  if (Number.isNaN(v)) return 'not computable';
  return formatNumber(v);
}

/** A value in a numeric input: enough digits to round-trip what people type, no float noise. */
export function formatInput(v: number): string {
  return String(Number(v.toPrecision(6)));
}

/**
 * The plotted values as a `data-values` attribute for end-to-end tests: 12 significant digits (so a
 * 1e-9 tolerance in pointwise comparisons is not swamped by rounding), empty for non-finite values.
 */
export function serializeValues(values: ArrayLike<number>): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    parts[i] = Number.isFinite(v) ? String(Number(v.toPrecision(12))) : '';
  }
  return parts.join(',');
}
