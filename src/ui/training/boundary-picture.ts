/** What the decision-boundary plot draws of a grid: the heatmap's pixels and the 0.5 level lines. */
import type { DecisionGrid } from '../../worker/train-protocol.ts';
import { classChannel, entropyField, entropyPixels, levelLines, predictivePixels, shownProbs } from './boundary-render.ts';
import type { Polyline, PredictionSource } from './boundary-render.ts';

export type HeatmapView = 'probability' | 'entropy';

export interface Lines {
  main: Polyline[];
  samples: Polyline[][];
}

export function boundaryLines(grid: DecisionGrid, source: PredictionSource): Lines {
  const { size, classes } = grid;
  const field = shownProbs(grid, source);
  // With more than two classes, each class's 0.5 set bounds the region it wins outright.
  const main =
    classes === 2
      ? levelLines(classChannel(field, size, 2, 1), size)
      : Array.from({ length: classes }, (_, c) => levelLines(classChannel(field, size, classes, c), size)).flat();
  const samples = classes === 2 ? grid.samples.map((s) => levelLines(s, size)) : [];
  return { main, samples };
}

/** How many posterior-sample boundaries are drawn (samples whose 0.5 set lies in the plot). */
export function sampleContourCount(lines: Lines | null): number {
  return lines ? lines.samples.filter((l) => l.length > 0).length : 0;
}

export interface Heat {
  pixels: Uint8ClampedArray;
  /** Largest entropy in the grid (entropy view), for the tests and the accessible name. */
  maxEntropy: number | null;
}

export function heat(grid: DecisionGrid, view: HeatmapView, source: PredictionSource): Heat {
  const probs = shownProbs(grid, source);
  if (view === 'probability') return { pixels: predictivePixels(grid, probs), maxEntropy: null };
  const entropy = entropyField(probs, grid.size * grid.size, grid.classes);
  let max = 0;
  for (const h of entropy) if (h > max) max = h;
  return { pixels: entropyPixels(entropy, grid.size, grid.classes), maxEntropy: max };
}
