/**
 * The current point's line: unlike the hover (which reads the map to its resolution), the current point is
 * computed exactly there, in a worker, and its warnings are said beside it.
 */
import type { ExperimentState } from '../../state/experiment.ts';
import { currentText } from './readout-text.ts';
import { useGapAtPoint } from './use-gap-at-point.ts';

/** `expression` null means the inputs are invalid: nothing is computed. */
export function useCurrentPoint(state: ExperimentState, expression: string | null, symbol: string): { text: string; warnings: string[] } {
  const { surface, coords } = state.msigma;
  const { from, to, m, sigma } = state.landscape1d;
  const exact = useGapAtPoint(expression !== null ? { expression, m, sigma, span: to - from } : null);
  const value = exact.point ? exact.point[surface === 'gap' ? 'gap' : surface] : null;
  return { text: currentText(coords, m, sigma, symbol, value, exact.error), warnings: exact.point?.warnings ?? [] };
}
