/**
 * Tick positions and labels of one axis, from a d3 scale's domain: what the kit's Axes draws and what the
 * plot frame sizes its margins by (so the two agree on every label).
 */
import { formatTick } from './tick-format.ts';

export interface Tick {
  value: number;
  /** The label, or null for a minor (unlabelled, shorter) tick. */
  label: string | null;
}

/** Anything with d3's `ticks(count)`: a linear or log scale. */
export interface TickSource {
  ticks(count?: number): number[];
}

/** About `count` nice ticks, each labelled. */
export function linearTicks(scale: TickSource, count: number, format: (v: number) => string = formatTick): Tick[] {
  return scale.ticks(Math.max(2, Math.round(count))).map((value) => ({ value, label: format(value) }));
}

const leadingDigit = (v: number) => Math.round(v / 10 ** Math.floor(Math.log10(v) + 1e-9));

/**
 * A log axis: d3's ticks (1…9 per decade), the 1-2-5 ones labelled (all of them when that leaves fewer
 * than three), the rest minor; `minor: false` leaves the minor ones out.
 */
export function logTicks(scale: TickSource, count: number, { minor = true, format = formatTick }: { minor?: boolean; format?: (v: number) => string } = {}): Tick[] {
  const all = scale.ticks(Math.max(2, Math.round(count)));
  const major = all.filter((v) => [1, 2, 5].includes(leadingDigit(v)));
  const labelled = new Set(major.length >= 3 ? major : all);
  return all.flatMap((value): Tick[] => (labelled.has(value) ? [{ value, label: format(value) }] : minor ? [{ value, label: null }] : []));
}

/** Ticks at given values (a fixed axis such as [0, ½, 1]). */
export function fixedTicks(values: readonly number[], format: (v: number) => string = formatTick): Tick[] {
  return values.map((value) => ({ value, label: format(value) }));
}

/** The labels of some ticks, minor ones left out. */
export function tickLabels(ticks: readonly Tick[]): string[] {
  return ticks.flatMap((t) => (t.label === null ? [] : [t.label]));
}
