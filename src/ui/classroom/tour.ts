/**
 * The guided tour: a walk through the paper's story, each step a complete experiment state (so each is
 * a permalink: encode the state) with a short caption and the panel to look at. It goes from the five
 * objectives on one curve, through σ smoothing the landscape, each minimiser's jump as σ grows, SAM's radius and its
 * minimiser's jump as ρ grows, the biconjugate's geometry
 * and the (m, σ) gap, to SAM against bSAM live on two moons, posterior samples, calibration, and
 * ends on the 2-D landscapes with optimizer paths.
 *
 * States are built from DEFAULT_STATE and validated by the state schema, so sections added later (the
 * 2-D landscape) come with their defaults, and a field this file sets that the schema no longer has is
 * dropped instead of breaking the tour.
 */
import { experimentStateSchema, DEFAULT_STATE } from '../../state/experiment.ts';
import type { ExperimentState, Landscape1DState, Landscape2DState, MSigmaState } from '../../state/experiment.ts';
import type { MinimisersState } from '../../state/minimisers.ts';
import { OFFICIAL_BSAM_DEMO } from '../../state/training.ts';
import { findPreset } from '../../math/presets.ts';
import { encodeFragment } from '../../state/permalink/index.ts';

export type TourPanel = 'landscape1d' | 'minimisers' | 'msigma' | 'training' | 'slice' | 'landscape2d';

export interface TourStep {
  id: string;
  title: string;
  /** One or two sentences, read aloud or off a projector. */
  caption: string;
  panel: TourPanel;
  state: ExperimentState;
  /** Start training once the step's run is built. */
  play: boolean;
}

/** CSS selectors of the panels, in the order tried (the 2-D panel falls back to the training panel). */
export const PANEL_SELECTORS: Readonly<Record<TourPanel, string>> = {
  landscape1d: '[data-testid="landscape1d"]',
  minimisers: '[data-testid="minimisers-panel"]',
  msigma: '[data-testid="msigma-panel"]',
  training: '[data-testid="training-panel"]',
  slice: '[data-testid="slice-panel"], [data-testid="training-panel"]',
  landscape2d: '[data-testid="landscape2d-panel"], [data-testid="landscape2d"], [data-testid="training-panel"]',
};

/**
 * What of each panel the class must see: the tour scrolls so that these (their union) sit above the tour
 * bar, rather than the panel's top, which on a phone is a column of controls and at 1280 × 720 pushed
 * the 1-D readout under the bar. The first match of each comma-separated part counts; with none, the panel.
 */
export const FIGURE_SELECTORS: Readonly<Record<TourPanel, string>> = {
  landscape1d: '.plot-box, [data-testid="readout"]',
  minimisers: '[data-testid="minimisers-plot"], [data-testid="minimisers-jumps"]',
  msigma: 'svg[role="application"]',
  training: '[data-testid="train-boundary"]',
  slice: '[data-testid="slice-compute"]',
  landscape2d: '[data-testid="map2d-loss"]',
};

const ALL_CURVES: Landscape1DState['visible'] = { loss: true, expected: true, sam: true, relaxed: true, biconjugate: true };

/** The 1-D section for a loss preset (its domain) with the given sliders. */
function landscape(presetId: string, patch: Partial<Landscape1DState>): Landscape1DState {
  const preset = findPreset(presetId);
  if (!preset) throw new Error(`tour: unknown loss preset ${presetId}`);
  return { ...DEFAULT_STATE.landscape1d, loss: { kind: 'preset', id: preset.id }, from: preset.from, to: preset.to, visible: ALL_CURVES, ...patch };
}

interface StepSpec {
  landscape1d?: Landscape1DState;
  msigma?: Partial<MSigmaState>;
  minimisers?: Partial<MinimisersState>;
  /** Merged over the official bSAM demo; unknown keys are dropped by the schema. */
  training?: Record<string, unknown>;
  landscape2d?: Landscape2DState;
}

function stateOf(spec: StepSpec): ExperimentState {
  const candidate = {
    ...DEFAULT_STATE,
    landscape1d: spec.landscape1d ?? DEFAULT_STATE.landscape1d,
    msigma: { ...DEFAULT_STATE.msigma, ...spec.msigma },
    minimisers: { ...DEFAULT_STATE.minimisers, ...spec.minimisers },
    training: { ...OFFICIAL_BSAM_DEMO, ...spec.training },
    landscape2d: spec.landscape2d ?? DEFAULT_STATE.landscape2d,
  };
  return experimentStateSchema.parse(candidate) as ExperimentState;
}

const moons = OFFICIAL_BSAM_DEMO.dataset;
/**
 * The 1-D panel of the biconjugate and (m, σ) steps, kept by the later steps: the panel out of view does
 * not jump back to the defaults, and no step's state is the page's default one (so Back to it is not a
 * step). The (m, σ) step marks σ = 1.5 instead, which its caption reads off.
 */
const LAST_1D = landscape('bounded-double-well', { sigma: 0.3, rho: 0.3, m: 0 });

export const TOUR_STEPS: readonly TourStep[] = [
  {
    id: 'five-objectives',
    title: 'Five objectives, one loss',
    caption:
      'The loss ℓ and four objectives built from it: Bayes’ expected loss E, SAM’s max-loss S, the relaxation R and the biconjugate B. Always E ≤ B ≤ R + ½.',
    panel: 'landscape1d',
    state: stateOf({ landscape1d: landscape('sharp-flat', { sigma: 0.5, rho: 0.3, m: -1.5 }) }),
    play: false,
  },
  {
    id: 'small-sigma',
    title: 'A tiny σ: the sharp minimum wins',
    caption: 'With σ = 0.12 the posterior is narrow: E keeps the narrow well, only shallower, and every minimiser sits in it, at θ ≈ −1.5.',
    panel: 'landscape1d',
    // From −2, not −3: left of about −2.1 at this small σ, B's extremal distribution runs off the computed domain.
    state: stateOf({ landscape1d: landscape('sharp-flat', { from: -2, sigma: 0.12, rho: 0.05, m: -1.5 }) }),
    play: false,
  },
  {
    id: 'large-sigma',
    title: 'A larger σ smooths the landscape',
    caption: 'At σ = 0.6, E averages the loss over a wide Gaussian: the narrow well becomes a shallow dip and every minimiser jumps to the flat valley, at θ ≈ 1.3–1.4.',
    panel: 'landscape1d',
    state: stateOf({ landscape1d: landscape('sharp-flat', { sigma: 0.6, rho: 0.4, m: 1.4 }) }),
    play: false,
  },
  {
    id: 'minimiser-jump',
    title: 'The jump, in one plot: each minimiser as σ grows',
    caption:
      'B’s minimiser jumps from the sharp well (m ≈ −1.5) to the flat one (m ≈ 1.4) near σ = 0.14, E’s near 0.17, R’s near 0.24; SAM’s does not depend on σ. Play sweeps σ.',
    panel: 'minimisers',
    // σ = 0.15 puts the 1-D panel's σ line between B's jump and E's; the σ range is the (m, σ) map's default.
    state: stateOf({ landscape1d: landscape('sharp-flat', { sigma: 0.15, rho: 0.3, m: -1.5 }) }),
    play: false,
  },
  {
    id: 'sam-radius',
    title: 'SAM looks for the worst case within ρ',
    caption: 'S is the largest loss within distance ρ of m. In the narrow well (m = −1.5) that worst case is about 1 above the loss, so SAM, like Bayes, prefers the flat minimum.',
    panel: 'landscape1d',
    state: stateOf({
      landscape1d: landscape('sharp-flat', { sigma: 0.3, rho: 0.3, m: -1.5, visible: { ...ALL_CURVES, expected: false, relaxed: false, biconjugate: false } }),
    }),
    play: false,
  },
  {
    id: 'sam-jump',
    title: 'SAM’s jump, in one plot: its minimiser as ρ grows',
    caption:
      'Against ρ only SAM’s minimiser moves: it jumps from the sharp well (m ≈ −1.5) to the flat one (m ≈ 1.4) near ρ = 0.13, where E, R and B (σ = 0.3) already are. Play sweeps ρ.',
    panel: 'minimisers',
    // ρ = 0.1 marks the path just before the jump, so Play shows it; σ = 0.3 holds E, R and B in the flat well.
    state: stateOf({ landscape1d: landscape('sharp-flat', { sigma: 0.3, rho: 0.1, m: -1.5 }), minimisers: { axis: 'rho' } }),
    play: false,
  },
  {
    id: 'biconjugate',
    title: 'The biconjugate’s geometry',
    caption: 'B is the largest expected loss over all distributions with mean m and variance σ². Between the wells B lies above E; at m the parabola Q* ≥ ℓ touches ℓ at its atoms.',
    panel: 'landscape1d',
    state: stateOf({
      landscape1d: landscape('bounded-double-well', { sigma: 0.3, rho: 0.3, m: 0, visible: { ...ALL_CURVES, sam: false, relaxed: false } }),
    }),
    play: false,
  },
  {
    id: 'msigma-gap',
    title: 'Where is the relaxation loose? The (m, σ) gap',
    caption: 'B − E over (m, σ): near 0 at small σ, where the relaxation is tight, and large at large σ; at m = 0, 0.002 at σ = 0.05 and 0.34 at the marked σ = 1.5.',
    panel: 'msigma',
    state: stateOf({ landscape1d: { ...LAST_1D, sigma: 1.5 }, msigma: { surface: 'gap', coords: 'msigma' } }),
    play: false,
  },
  {
    id: 'sam-vs-bsam',
    title: 'SAM and bSAM live on two moons',
    caption: 'The same data and initial weights, trained with SAM and with bSAM: SAM finds one network, bSAM a Gaussian over networks, with as many gradient evaluations per step.',
    panel: 'training',
    state: stateOf({ landscape1d: LAST_1D, training: { compare: { kind: 'sam-sgd' } } }),
    play: true,
  },
  {
    id: 'posterior-samples',
    title: 'Posterior samples',
    caption: 'The thin lines are decision boundaries of networks drawn from bSAM’s posterior: they agree near the data and fan out away from it, where the model is unsure.',
    panel: 'training',
    state: stateOf({ landscape1d: LAST_1D }),
    play: true,
  },
  {
    id: 'calibration',
    title: 'Calibration on held-out data',
    caption: 'With noisier moons, flipped labels and a test set, watch NLL and ECE next to the accuracy: averaging over posterior samples keeps the predictions honest.',
    panel: 'training',
    state: stateOf({ landscape1d: LAST_1D, training: { dataset: { ...moons, size: 300, noise: 0.2, labelNoise: 0.05, testFraction: 0.3 } } }),
    play: true,
  },
  {
    id: 'network-landscape',
    title: 'The network’s own landscape',
    caption:
      'bSAM trains and pauses at step 450; then press “Compute slice”: the loss around the current weights, the expected loss under the posterior and SAM’s max-loss.',
    panel: 'slice',
    // Paused part-way, so the slice is of weights that stay put; also keeps this step's state its own.
    state: stateOf({ landscape1d: LAST_1D, training: { stopAt: 450 } }),
    play: true,
  },
  {
    id: 'two-dimensions',
    title: 'Landscapes in two dimensions',
    caption: 'The loss, E, S and R as maps over a plane, with GD, Adam, SAM and bSAM started from one point: watch which basin each optimizer settles in.',
    panel: 'landscape2d',
    // The readout on E: a tour step's state is its own, so Back can find the step from the state.
    state: stateOf({ landscape1d: LAST_1D, landscape2d: { ...DEFAULT_STATE.landscape2d, selected: 'expected' } }),
    play: false,
  },
];

/** Each step's state as its canonical link fragment (computed once: a state is compared on every edit). */
let stepFragments: string[] | null = null;

/**
 * The tour step whose state this is, or null if none: what Back and Forward land on. Every step's state
 * is its own (a test checks), so the answer is unique; `near` breaks a tie all the same.
 */
export function tourStepForState(state: ExperimentState, near: number): number | null {
  stepFragments ??= TOUR_STEPS.map((s) => encodeFragment(s.state));
  const fragment = encodeFragment(state);
  let best: number | null = null;
  stepFragments.forEach((f, i) => {
    if (f === fragment && (best === null || Math.abs(i - near) < Math.abs(best - near))) best = i;
  });
  return best;
}
