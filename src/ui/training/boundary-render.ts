/**
 * Pure pieces of the decision-boundary plot: the predictive as pixels and the 0.5 level sets as
 * polylines, both in grid-index coordinates (column j is x_j, row i is y_i of the worker's linspace
 * grid), so the component only has to scale them onto the canvas.
 */
import { contours, interpolatePurples, interpolateRdBu, rgb } from 'd3';
import type { DecisionGrid } from '../../worker/train-protocol.ts';

/** Class colours: the two ends of the RdBu scale for classes 0 and 1, so points match the heatmap. */
export const CLASS_COLOURS = ['#b2182b', '#2166ac', '#1b7837', '#d95f02', '#7570b3', '#c51b7d'] as const;

export function classColour(label: number): string {
  return CLASS_COLOURS[label % CLASS_COLOURS.length];
}

/** How far the heatmap is mixed with white, so the data points stay readable on top of it. */
const WASH = 0.3;

const washed = (c: number) => Math.round(c + (255 - c) * WASH);

/** 256-entry RGB lookup of the diverging scale: p(class 1) = 0 red, 0.5 white, 1 blue. */
const DIVERGING_LUT: Uint8ClampedArray = (() => {
  const lut = new Uint8ClampedArray(256 * 3);
  for (let k = 0; k < 256; k++) {
    const c = rgb(interpolateRdBu(k / 255));
    lut.set([washed(c.r), washed(c.g), washed(c.b)], 3 * k);
  }
  return lut;
})();

const CLASS_RGB = CLASS_COLOURS.map((h) => rgb(h));

/**
 * RGBA pixels of the averaged predictive, one pixel per grid point, top row = largest y. Two classes
 * use the diverging scale of p(class 1); more classes mix the class colours by probability.
 */
export function predictivePixels(grid: DecisionGrid, probs: Float32Array = grid.probs): Uint8ClampedArray {
  const { size, classes } = grid;
  const out = new Uint8ClampedArray(size * size * 4);
  for (let i = 0; i < size; i++) {
    const row = size - 1 - i;
    for (let j = 0; j < size; j++) {
      const cell = i * size + j;
      const o = 4 * (row * size + j);
      if (classes === 2) {
        const p = probs[cell * 2 + 1];
        const k = 3 * Math.round(255 * (Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0.5));
        out[o] = DIVERGING_LUT[k];
        out[o + 1] = DIVERGING_LUT[k + 1];
        out[o + 2] = DIVERGING_LUT[k + 2];
      } else {
        let r = 0;
        let g = 0;
        let b = 0;
        for (let c = 0; c < classes; c++) {
          const p = probs[cell * classes + c];
          const w = Number.isFinite(p) ? p : 1 / classes;
          const col = CLASS_RGB[c % CLASS_RGB.length];
          r += w * col.r;
          g += w * col.g;
          b += w * col.b;
        }
        // Lighter than the binary wash: a confident mixture is dark otherwise.
        out[o] = Math.round(r + (255 - r) * 0.55);
        out[o + 1] = Math.round(g + (255 - g) * 0.55);
        out[o + 2] = Math.round(b + (255 - b) * 0.55);
      }
      out[o + 3] = 255;
    }
  }
  return out;
}

/** One class's probability per grid point, from the size·size·classes layout. */
export function classChannel(values: Float32Array, size: number, classes: number, cls: number): Float32Array {
  const out = new Float32Array(size * size);
  for (let k = 0; k < out.length; k++) out[k] = values[k * classes + cls];
  return out;
}

/** A polyline in grid-index coordinates: [j, i] with j along x and i along y (fractional). */
export type Polyline = [number, number][];

/**
 * The level-`level` set of a size × size field as polylines. d3-contour returns closed rings that
 * also run along the grid's border; those border edges are not part of the boundary and are cut out,
 * leaving only the true crossings.
 */
export function levelLines(values: ArrayLike<number>, size: number, level = 0.5): Polyline[] {
  if (size < 2) return [];
  const field = Array.from(values, (v) => (Number.isFinite(v) ? v : Number.NaN));
  const [set] = contours().size([size, size]).thresholds([level])(field);
  if (!set) return [];
  // Outside counts as below the level, so the rings close along the border: at grid coordinate 0 or
  // size, cutting the corners diagonally. A segment with both ends there is such a border edge.
  const atBorder = (p: [number, number]) => p[0] <= 0 || p[0] >= size || p[1] <= 0 || p[1] >= size;
  const onBorder = (a: [number, number], b: [number, number]) => atBorder(a) && atBorder(b);
  const lines: Polyline[] = [];
  for (const polygon of set.coordinates) {
    for (const ring of polygon) {
      let line: Polyline = [];
      for (let k = 0; k < ring.length; k++) {
        const p = ring[k] as [number, number];
        const prev = k > 0 ? (ring[k - 1] as [number, number]) : null;
        if (prev && onBorder(prev, p)) {
          if (line.length > 1) lines.push(line);
          line = [];
        }
        // d3's grid coordinate c has value index c − 0.5 (cell centres sit at i + 0.5).
        line.push([p[0] - 0.5, p[1] - 0.5]);
      }
      if (line.length > 1) lines.push(line);
    }
  }
  return lines;
}

/** The field whose 0.5 set is the thick boundary: the mean weights for bSAM, else the predictive. */
export function meanField(grid: DecisionGrid): Float32Array {
  return grid.meanProbs ?? grid.probs;
}

/**
 * Which prediction a bSAM plot shows: the predictive averaged over posterior samples (what bSAM predicts
 * with) or the mean weights' (what SAM would give). The other optimizers have only the one prediction.
 */
export type PredictionSource = 'averaged' | 'mean';

export function shownProbs(grid: DecisionGrid, source: PredictionSource): Float32Array {
  return source === 'mean' && grid.meanProbs ? grid.meanProbs : grid.probs;
}

/**
 * Entropy of the class distribution at each grid point, in nats: −Σ_c p_c ln p_c, from 0 (certain) to
 * ln(classes) (uniform). Probabilities are clipped into [0, 1] and renormalised first (float rounding);
 * a cell with a non-finite probability is NaN.
 */
export function entropyField(probs: Float32Array, cells: number, classes: number): Float32Array {
  const out = new Float32Array(cells);
  for (let k = 0; k < cells; k++) {
    let total = 0;
    let finite = true;
    for (let c = 0; c < classes; c++) {
      const p = probs[k * classes + c];
      if (!Number.isFinite(p)) finite = false;
      total += Math.min(1, Math.max(0, p));
    }
    if (!finite || !(total > 0)) {
      out[k] = Number.NaN;
      continue;
    }
    let h = 0;
    for (let c = 0; c < classes; c++) {
      const p = Math.min(1, Math.max(0, probs[k * classes + c])) / total;
      if (p > 0) h -= p * Math.log(p);
    }
    out[k] = h;
  }
  return out;
}

/** Sequential scale for entropy: white at 0 nats to deep purple at ln(classes); the top is kept light enough for the points. */
export const entropyColour = (t: number): string => interpolatePurples(0.05 + 0.8 * Math.min(1, Math.max(0, t)));

const ENTROPY_LUT: Uint8ClampedArray = (() => {
  const lut = new Uint8ClampedArray(256 * 3);
  for (let k = 0; k < 256; k++) {
    const c = rgb(entropyColour(k / 255));
    lut.set([c.r, c.g, c.b], 3 * k);
  }
  return lut;
})();

/** RGBA pixels of an entropy field scaled by its maximum ln(classes), top row = largest y; NaN is grey. */
export function entropyPixels(entropy: Float32Array, size: number, classes: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(size * size * 4);
  const top = Math.log(classes);
  for (let i = 0; i < size; i++) {
    const row = size - 1 - i;
    for (let j = 0; j < size; j++) {
      const h = entropy[i * size + j];
      const o = 4 * (row * size + j);
      if (Number.isFinite(h)) {
        const k = 3 * Math.round(255 * Math.min(1, Math.max(0, h / top)));
        out[o] = ENTROPY_LUT[k];
        out[o + 1] = ENTROPY_LUT[k + 1];
        out[o + 2] = ENTROPY_LUT[k + 2];
      } else {
        out[o] = out[o + 1] = out[o + 2] = 200;
      }
      out[o + 3] = 255;
    }
  }
  return out;
}
