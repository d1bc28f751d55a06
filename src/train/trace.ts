/**
 * `bsam-trace/1` (theory.md §6): bSAM trajectories recorded from the official optimizer together with the
 * noise it drew, so an implementation that takes the noise as input must reproduce them.
 */
import { z } from 'zod';
import { bsamStep, initBsamState, type BsamHyper } from './bsam.ts';
import { forward, layersFromParams, logisticLoss, paramsFromLayers, softmaxLoss, type Activation, type LayerValues, type Params } from './mlp.ts';
import { tf } from './tf.ts';

const matrix = z.array(z.array(z.number()));
const layer = z.object({ w: matrix, b: z.array(z.number()) });
const layers = z.array(layer).min(1);

export const bsamTraceSchema = z.object({
  format: z.literal('bsam-trace/1'),
  model: z.object({
    layers: z.array(z.number().int().positive()).min(2),
    activation: z.enum(['linear', 'tanh', 'elu', 'relu']),
    /** logistic: one logit, y a 0/1 column; softmax: `nll_categorical`, y one row of class weights (one-hot) per row of X. */
    loss: z.enum(['logistic', 'softmax']),
  }),
  hyperparams: z.object({
    learningrate: z.number(),
    beta1: z.number(),
    beta2: z.number(),
    wdecay: z.number(),
    rho: z.number(),
    msharpness: z.number().int().positive(),
    Ndata: z.number().positive(),
    s_init: z.number().positive(),
    damping: z.number(),
  }),
  float64: z.boolean(),
  X: matrix,
  y: matrix,
  init: layers,
  steps: z.array(z.object({ lrfactor: z.number(), noise: z.array(layers).min(1) })),
  expected: z.array(z.object({ w: layers, s: layers, gm: layers, loss_at_perturbed: z.number() })).optional(),
});
export type BsamTrace = z.infer<typeof bsamTraceSchema>;

export interface TrajectoryPoint {
  w: LayerValues[];
  s: LayerValues[];
  gm: LayerValues[];
  loss_at_perturbed: number;
}

/** Check what the schema cannot: shapes of X, y, init and every noise draw against the model. */
export function traceShapeProblem(trace: BsamTrace): string | null {
  const sizes = trace.model.layers;
  if (trace.init.length !== sizes.length - 1) return `init has ${trace.init.length} layers, the model ${sizes.length - 1}`;
  const K = trace.hyperparams.msharpness;
  if (trace.X.length % K !== 0) return `${trace.X.length} rows of X do not split into ${K} equal sub-batches`;
  if (trace.X.some((row) => row.length !== sizes[0])) return `every row of X must have ${sizes[0]} inputs`;
  const outputs = sizes[sizes.length - 1];
  if (trace.model.loss === 'logistic') {
    if (outputs !== 1) return `a logistic loss needs one output unit, the model has ${outputs}`;
    if (trace.y.length !== trace.X.length || trace.y.some((row) => row.length !== 1)) return 'y must be a column with one label per row of X';
  } else {
    if (outputs < 2) return `a softmax loss needs at least 2 output units, the model has ${outputs}`;
    if (trace.y.length !== trace.X.length || trace.y.some((row) => row.length !== outputs)) return `y must have one row of ${outputs} class weights (one-hot) per row of X`;
  }
  const badLayer = (ls: LayerValues[]) =>
    ls.findIndex((l, k) => l.w.length !== sizes[k] || l.w.some((r) => r.length !== sizes[k + 1]) || l.b.length !== sizes[k + 1]);
  if (badLayer(trace.init) >= 0) return `init layer ${badLayer(trace.init)} is not shaped [${sizes.join(', ')}]`;
  for (let t = 0; t < trace.steps.length; t++) {
    const noise = trace.steps[t].noise;
    if (noise.length !== K) return `step ${t} has ${noise.length} noise draws, msharpness is ${K}`;
    for (const draw of noise) if (draw.length !== sizes.length - 1 || badLayer(draw) >= 0) return `step ${t}: noise is not shaped like the weights`;
  }
  return null;
}

export function hyperFromTrace(trace: BsamTrace): BsamHyper {
  const h = trace.hyperparams;
  return {
    learningRate: h.learningrate,
    beta1: h.beta1,
    beta2: h.beta2,
    weightDecay: h.wdecay,
    rho: h.rho,
    damping: h.damping,
    dataSize: h.Ndata,
  };
}

/** Run every step of the trace with its recorded noise; the trajectory is shaped like `expected`. */
export function runTrace(trace: BsamTrace): TrajectoryPoint[] {
  const K = trace.hyperparams.msharpness;
  const activation: Activation = trace.model.activation;
  const rows = trace.X.length / K;
  const X = tf.tensor2d(trace.X);
  const y = tf.tensor2d(trace.y);
  const xs = Array.from({ length: K }, (_, k) => tf.slice(X, [k * rows, 0], [rows, -1]));
  const ys = Array.from({ length: K }, (_, k) => tf.slice(y, [k * rows, 0], [rows, -1]));
  const loss = trace.model.loss === 'softmax' ? softmaxLoss : logisticLoss;
  const subBatches = xs.map((xk, k) => (p: Params) => loss(forward(p, xk, activation), ys[k]));
  const init = paramsFromLayers(trace.init);
  let state = initBsamState(init, trace.hyperparams.s_init);
  init.forEach((t) => t.dispose());
  const hyper = hyperFromTrace(trace);
  const out: TrajectoryPoint[] = [];
  for (const step of trace.steps) {
    const noise = step.noise.map(paramsFromLayers);
    const result = bsamStep(state, subBatches, noise, hyper, step.lrfactor);
    noise.flat().forEach((t) => t.dispose());
    state = result.state;
    out.push({ w: layersFromParams(state.w), s: layersFromParams(state.s), gm: layersFromParams(state.gm), loss_at_perturbed: result.lossAtPerturbed });
  }
  [X, y, ...xs, ...ys, ...state.w, ...state.s, ...state.gm].forEach((t) => t.dispose());
  return out;
}

/** Largest absolute difference between two layer lists of the same shape. */
export function maxAbsDeviation(a: LayerValues[], b: LayerValues[]): number {
  let worst = 0;
  a.forEach((layer, k) => {
    layer.w.forEach((row, i) => row.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - b[k].w[i][j])))));
    layer.b.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - b[k].b[j]))));
  });
  return worst;
}
