/**
 * The swept parameter of the minimiser-path panel: which one (σ or ρ), its current value (the 1-D panel's),
 * the plotted range, and the Play sweep across it at the classroom's pace.
 */
import { AXIS_SYMBOL } from '../../math/minimiser-path.ts';
import type { ExperimentState } from '../../state/experiment.ts';
import type { Action } from '../../state/update.ts';
import { usePace } from '../kit/pace.ts';
import { plotRange } from './path-lines.ts';
import { sweptRange } from './resolve.ts';
import { SWEEP_DURATION_MS } from './sweep.ts';
import { useSweep } from './use-sweep.ts';

export function usePathSweep(state: ExperimentState, dispatch: (action: Action) => void) {
  const { sigma, rho } = state.landscape1d;
  const { axis } = state.minimisers;
  const range = plotRange(sweptRange(state));
  const current = axis === 'sigma' ? sigma : rho;
  const setCurrent = (v: number) => dispatch(axis === 'sigma' ? { type: 'setSigma', sigma: v } : { type: 'setRho', rho: v });
  const pace = usePace();
  const sweep = useSweep(axis, current, range, SWEEP_DURATION_MS[pace], setCurrent);
  return { axis, symbol: AXIS_SYMBOL[axis], range, current, setCurrent, pace, sweep };
}
