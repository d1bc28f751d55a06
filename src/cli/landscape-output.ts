/** JSON and CSV renderings of a 1-D landscape, with warnings about non-finite values. */
import type { Landscape1D } from '../math/landscape1d.types.ts';

export interface LandscapeParams {
  loss: string;
  from: number;
  to: number;
  points: number;
  sigma: number;
  rho: number;
}

/** Output column name → array, in output order (rho_eq is snake_case in files, rhoEq in code). */
export function outputColumns(r: Landscape1D): [string, Float64Array][] {
  return [
    ['theta', r.theta],
    ['loss', r.loss],
    ['expected', r.expected],
    ['sam', r.sam],
    ['relaxed', r.relaxed],
    ['eps', r.eps],
    ['biconjugate', r.biconjugate],
    ['rho_eq', r.rhoEq],
  ];
}

/**
 * One warning per column that has non-finite values, saying what they mean:
 * +Infinity is a value proven infinite, NaN one that could not be computed.
 */
export function nonFiniteWarnings(r: Landscape1D, writtenAs: string): string[] {
  const out: string[] = [];
  for (const [name, arr] of outputColumns(r)) {
    let inf = 0;
    let negInf = 0;
    let nan = 0;
    for (const v of arr) {
      if (v === Infinity) inf++;
      else if (v === -Infinity) negInf++;
      else if (Number.isNaN(v)) nan++;
    }
    const n = arr.length;
    if (inf) out.push(`${name}: ${inf} of ${n} values are infinite (+Infinity, ${writtenAs})`);
    if (negInf) out.push(`${name}: ${negInf} of ${n} values are minus infinite (-Infinity, ${writtenAs})`);
    if (nan) out.push(`${name}: ${nan} of ${n} values are not computable (NaN, ${writtenAs})`);
  }
  return out;
}

const finiteOrNull = (v: number | null): number | null => (v !== null && Number.isFinite(v) ? v : null);

export function landscapeJson(r: Landscape1D, params: LandscapeParams): string {
  const obj: Record<string, unknown> = { params };
  for (const [name, arr] of outputColumns(r)) obj[name] = Array.from(arr, finiteOrNull);
  obj.argmin = Object.fromEntries(Object.entries(r.argmin).map(([k, v]) => [k, finiteOrNull(v)]));
  obj.warnings = [...r.warnings, ...nonFiniteWarnings(r, 'written as null')];
  return JSON.stringify(obj) + '\n';
}

export function landscapeCsv(r: Landscape1D): { csv: string; warnings: string[] } {
  const cols = outputColumns(r);
  const lines = [cols.map(([name]) => name).join(',')];
  const n = r.theta.length;
  for (let i = 0; i < n; i++) {
    lines.push(cols.map(([, arr]) => (Number.isFinite(arr[i]) ? String(arr[i]) : '')).join(','));
  }
  return { csv: lines.join('\n') + '\n', warnings: [...r.warnings, ...nonFiniteWarnings(r, 'written as empty cells')] };
}
