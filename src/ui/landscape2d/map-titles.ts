/**
 * What each 2-D map plots, in maths and with its parameter (issue 11: the titles said ℓ(m) over axes
 * named x and y, and "Expected (Bayes) E_σ(m)" overflowed a phone's map). θ = (x, y) is the point of
 * the map (ε a perturbation of it); each title is a word, a short formula (KaTeX) and the one parameter the map depends on.
 */
import type { Map2D } from '../../state/experiment.ts';
import { formatNumber } from '../kit/format.ts';

export interface MapTitle {
  /** The objective's name in words. */
  words: string;
  /** Its definition at θ = (x, y), as TeX. */
  tex: string;
  /** The parameter it depends on ("σ = 0.3"), or '' for the loss. */
  param: string;
  /** The whole title as plain text (accessible names, tooltips). */
  plain: string;
}

const TEX: Record<Map2D, string> = {
  loss: String.raw`\ell(x, y)`,
  expected: String.raw`E(x, y) = \mathbb{E}_{\varepsilon \sim \mathcal{N}(0, \sigma^2 I)}\, \ell((x, y) + \varepsilon)`,
  sam: String.raw`S(x, y) = \max_{\lVert \varepsilon \rVert \le \rho} \ell((x, y) + \varepsilon)`,
  relaxed: String.raw`R(x, y) = \sup_{\varepsilon}\, \ell((x, y) + \varepsilon) - \tfrac{\lVert \varepsilon \rVert^2}{2\sigma^2}`,
};

const PLAIN: Record<Map2D, string> = {
  loss: 'ℓ(x, y)',
  expected: 'E(x, y) = E_{ε∼N(0, σ²I)} ℓ((x, y) + ε)',
  sam: 'S(x, y) = max_{‖ε‖ ≤ ρ} ℓ((x, y) + ε)',
  relaxed: 'R(x, y) = sup_ε ℓ((x, y) + ε) − ‖ε‖²/(2σ²)',
};

const WORDS: Record<Map2D, string> = { loss: 'Loss', expected: 'Bayes', sam: 'SAM', relaxed: 'Relaxed' };

/** The short name of a map for its show/hide toggle. */
export const MAP_TOGGLE_LABELS: Readonly<Record<Map2D, string>> = {
  loss: 'Loss ℓ',
  expected: 'Bayes expected loss E',
  sam: 'SAM max-loss S',
  relaxed: 'Relaxed R',
};

export function mapTitle(name: Map2D, sigma: number, rho: number): MapTitle {
  const param = name === 'sam' ? `ρ = ${formatNumber(rho)}` : name === 'loss' ? '' : `σ = ${formatNumber(sigma)}`;
  const plain = `${WORDS[name]} ${PLAIN[name]}${param ? `, ${param}` : ''}`;
  return { words: WORDS[name], tex: TEX[name], param, plain };
}
