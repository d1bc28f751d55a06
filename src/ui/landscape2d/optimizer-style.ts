/**
 * How each optimizer looks wherever it is drawn. The training lab has no per-optimizer colours yet, so
 * they are defined here, keyed also by the training lab's optimizer kinds, for it to import: one colour
 * per optimizer family (Okabe–Ito, safe under the common colour-vision deficiencies) plus a dash pattern,
 * so paths can be told apart without colour. SAM's vermillion is the `sam` objective's colour in 1-D.
 */
import type { PathOptimizer } from '../../state/experiment.ts';
import type { OptimizerKind } from '../../state/training.ts';

export interface OptimizerStyle {
  label: string;
  color: string;
  dash: string | undefined;
}

export const OPTIMIZER_STYLE: Record<PathOptimizer, OptimizerStyle> = {
  gd: { label: 'GD', color: '#1c1e21', dash: undefined },
  adam: { label: 'Adam', color: '#0072B2', dash: '6 3' },
  sam: { label: 'SAM', color: '#D55E00', dash: '1.5 2.5' },
  bsam: { label: 'bSAM', color: '#CC79A7', dash: undefined },
};

/** The training lab's optimizer kinds mapped onto the same families (SAM with SGD or Adam is SAM). */
export const TRAINING_OPTIMIZER_STYLE: Record<OptimizerKind, OptimizerStyle> = {
  sgd: OPTIMIZER_STYLE.gd,
  adam: OPTIMIZER_STYLE.adam,
  'sam-sgd': OPTIMIZER_STYLE.sam,
  'sam-adam': { ...OPTIMIZER_STYLE.sam, dash: '4 2 1 2' },
  bsam: OPTIMIZER_STYLE.bsam,
};
