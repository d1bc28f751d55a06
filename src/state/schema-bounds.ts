/**
 * The bounds of a state field, read from the zod schema: the one source for the reducer's clamps, the
 * link decoder and every control's validation. zod 4 keeps a schema's definition in `schema._zod.def`
 * (range checks in `def.checks`); that is not public API, so schema-bounds.test.ts checks every number
 * field of the state against zod's public JSON-schema export, which a zod upgrade cannot silently break.
 */
import type { z } from 'zod';

export type Schema = z.core.$ZodType;

/** The parts of a zod 4 definition this module and schema-tree.ts read; everything else is ignored. */
export interface LooseDef {
  type: string;
  shape?: Record<string, Schema>;
  options?: readonly Schema[];
  discriminator?: string;
  element?: Schema;
  innerType?: Schema;
  entries?: Record<string, string | number>;
  values?: readonly unknown[];
  checks?: readonly { _zod: { def: LooseCheck } }[];
}

interface LooseCheck {
  check: string;
  value?: number;
  inclusive?: boolean;
  format?: string;
  maximum?: number;
  minimum?: number;
  length?: number;
}

export function defOf(schema: Schema): LooseDef {
  return schema._zod.def as unknown as LooseDef;
}

export interface NumberBounds {
  min: number;
  max: number;
  minExclusive: boolean;
  maxExclusive: boolean;
  integer: boolean;
}

/** Ranges of zod's integer formats (z.number().int() is 'safeint'). */
const FORMAT_RANGES: Record<string, [number, number]> = {
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  float32: [-3.4028234663852886e38, 3.4028234663852886e38],
  float64: [-Number.MAX_VALUE, Number.MAX_VALUE],
};

/** Wrappers that do not change what a field holds. */
const TRANSPARENT = new Set(['default', 'prefault', 'catch', 'readonly', 'nonoptional']);

export function unwrap(schema: Schema): Schema {
  let s = schema;
  while (TRANSPARENT.has(defOf(s).type) && defOf(s).innerType) s = defOf(s).innerType as Schema;
  return s;
}

/** A number field's range and whether it is whole, looking through defaults and null. */
export function numberBounds(schema: Schema): NumberBounds {
  let s = unwrap(schema);
  while ((defOf(s).type === 'nullable' || defOf(s).type === 'optional') && defOf(s).innerType) s = unwrap(defOf(s).innerType as Schema);
  const b: NumberBounds = { min: -Infinity, max: Infinity, minExclusive: false, maxExclusive: false, integer: false };
  for (const c of defOf(s).checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'greater_than' && d.value !== undefined && d.value >= b.min) {
      b.minExclusive = d.value === b.min ? b.minExclusive || !d.inclusive : !d.inclusive;
      b.min = d.value;
    } else if (d.check === 'less_than' && d.value !== undefined && d.value <= b.max) {
      b.maxExclusive = d.value === b.max ? b.maxExclusive || !d.inclusive : !d.inclusive;
      b.max = d.value;
    } else if (d.check === 'number_format' && d.format) {
      const range = FORMAT_RANGES[d.format];
      if (range) {
        if (range[0] > b.min) [b.min, b.minExclusive] = [range[0], false];
        if (range[1] < b.max) [b.max, b.maxExclusive] = [range[1], false];
      }
      b.integer ||= d.format !== 'float32' && d.format !== 'float64';
    }
  }
  return b;
}

/** How many items a list field may hold. */
export function lengthBounds(schema: Schema): { min: number; max: number } {
  let min = 0;
  let max = Infinity;
  for (const c of defOf(unwrap(schema)).checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'max_length' && d.maximum !== undefined) max = Math.min(max, d.maximum);
    if (d.check === 'min_length' && d.minimum !== undefined) min = Math.max(min, d.minimum);
    if (d.check === 'length_equals' && d.length !== undefined) [min, max] = [d.length, d.length];
  }
  return { min, max };
}

/** The schema of a list's items. */
export function elementOf(schema: Schema): Schema {
  const element = defOf(unwrap(schema)).element;
  if (!element) throw new Error('elementOf: not a list schema');
  return element;
}

/**
 * x moved into the field's range (the reducer's clamp). An exclusive end cannot be reached, so a value
 * at or beyond it is not clamped but refused (null), like a non-finite one.
 */
export function clampToField(x: number, b: NumberBounds): number | null {
  if (!Number.isFinite(x)) return null;
  if (x < b.min || (x === b.min && b.minExclusive)) return b.minExclusive ? null : b.min;
  if (x > b.max || (x === b.max && b.maxExclusive)) return b.maxExclusive ? null : b.max;
  return b.integer ? Math.round(x) : x;
}
