import { M_POINTS, SIGMA_POINTS } from './resolve.ts';
import { clamp } from './view.ts';

export interface MSigmaPosition {
  m: number;
  sigma: number;
  /** The map's m-domain and σ range: the crosshair stays inside them. */
  from: number;
  to: number;
  sigmaFrom: number;
  sigmaTo: number;
}

/**
 * Where an arrow key moves the crosshair: one grid cell per press, ten with Shift; σ moves
 * multiplicatively (its axis is log). Null for any other key.
 */
export function arrowStep(key: string, shift: boolean, p: MSigmaPosition): { m: number; sigma: number } | null {
  const cells = shift ? 10 : 1;
  const dm = ((p.to - p.from) / (M_POINTS - 1)) * cells;
  const ratio = Math.pow(p.sigmaTo / p.sigmaFrom, cells / (SIGMA_POINTS - 1));
  const cm = clamp(p.m, p.from, p.to);
  const cs = clamp(p.sigma, p.sigmaFrom, p.sigmaTo);
  const moves: Record<string, [number, number]> = { ArrowLeft: [cm - dm, cs], ArrowRight: [cm + dm, cs], ArrowUp: [cm, cs * ratio], ArrowDown: [cm, cs / ratio] };
  const next = moves[key];
  return next ? { m: clamp(next[0], p.from, p.to), sigma: clamp(next[1], p.sigmaFrom, p.sigmaTo) } : null;
}
