/**
 * How each objective looks everywhere in the UI. Colours are from the Okabe–Ito palette, which stays
 * distinguishable under the common colour-vision deficiencies; the two max-type objectives are also
 * dashed so they can be told apart without colour.
 */
import type { ObjectiveName } from '../../math/objectives.ts';

export interface ObjectiveStyle {
  /** Short name for readouts. */
  short: string;
  /** Name in the legend. */
  label: string;
  /** Longer description for accessible names and tooltips. */
  description: string;
  /** Definition, typeset by KaTeX. */
  tex: string;
  /** Plain-text symbol for accessible names and readouts. */
  symbol: string;
  color: string;
  dash: string | undefined;
  width: number;
}

export const OBJECTIVE_STYLE: Record<ObjectiveName, ObjectiveStyle> = {
  loss: {
    short: 'loss',
    label: 'Loss',
    description: 'the loss',
    tex: String.raw`\ell(m)`,
    symbol: 'ℓ(m)',
    color: '#1f1f1f',
    dash: undefined,
    width: 2.25,
  },
  expected: {
    short: 'expected',
    label: 'Expected (Bayes)',
    description: 'the expected loss under q, the Bayes objective',
    tex: String.raw`E_\sigma(m)=\mathbb{E}_{\varepsilon\sim\mathcal{N}(0,\sigma^2)}\,\ell(m+\varepsilon)`,
    symbol: 'E_σ(m)',
    color: '#0072B2',
    dash: undefined,
    width: 2,
  },
  sam: {
    short: 'SAM',
    label: 'SAM max-loss',
    description: 'the largest loss within distance ρ (SAM)',
    tex: String.raw`S_\rho(m)=\max_{|\varepsilon|\le\rho}\,\ell(m+\varepsilon)`,
    symbol: 'S_ρ(m)',
    color: '#D55E00',
    dash: '7 4',
    width: 2,
  },
  relaxed: {
    short: 'relaxed',
    label: 'Relaxed (fixed σ)',
    description: 'the max-loss with a Gaussian penalty, the relaxation at fixed σ',
    tex: String.raw`R_\sigma(m)=\sup_{\varepsilon}\,\ell(m+\varepsilon)-\frac{\varepsilon^2}{2\sigma^2}`,
    symbol: 'R_σ(m)',
    color: '#CC79A7',
    dash: '2 3',
    width: 2.25,
  },
  biconjugate: {
    short: 'biconjugate',
    label: 'Biconjugate',
    description: 'minus the biconjugate of the expected negative loss, the optimal convex relaxation',
    tex: String.raw`B_\sigma(m)=-f^{**}\big(\mu(m,\sigma)\big)`,
    symbol: 'B_σ(m)',
    color: '#009E73',
    dash: undefined,
    width: 2,
  },
};

/** Colours of the geometry drawn at the current m, tied to the objective each piece explains. */
export const GEOMETRY_COLOR = {
  gaussian: '#56B4E9',
  sam: OBJECTIVE_STYLE.sam.color,
  penalty: OBJECTIVE_STYLE.relaxed.color,
  majorant: OBJECTIVE_STYLE.biconjugate.color,
  m: '#404040',
} as const;
