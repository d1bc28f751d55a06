/**
 * The one experiment state: everything the panels show is derived from it, and it is all that a
 * permalink (src/state/permalink) carries. Plain JSON, versioned, validated by zod.
 */
import { z } from 'zod';
import { OBJECTIVES } from '../math/objectives.ts';
import { DEFAULT_EXPERIMENT_PANEL, experimentPanelSchema } from './fashion-experiment.ts';
import { DEFAULT_MINIMISERS, minimisersSchema } from './minimisers.ts';
import { OFFICIAL_BSAM_DEMO, trainingSchema } from './training.ts';

export const STATE_VERSION = 1 as const;

/** The loss is a preset (by id) or a typed expression in `theta`. */
export const lossSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('preset'), id: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('expression'), text: z.string().max(500) }),
]);
export type LossSpec = z.infer<typeof lossSpecSchema>;

const finite = z.number().finite();
const positive = finite.positive();
/**
 * σ and ρ of the 1-D and 2-D panels. σ's floor is the smallest σ the fields have always accepted; the
 * link decoder, the reducer and the fields all read these bounds (schema-bounds.ts).
 */
export const sigmaSchema = finite.min(1e-4).max(1e3);
export const rhoSchema = finite.min(0).max(1e3);

export const visibilitySchema = z.object(
  Object.fromEntries(OBJECTIVES.map((name) => [name, z.boolean()])) as Record<(typeof OBJECTIVES)[number], z.ZodBoolean>,
);

export const landscape1dSchema = z
  .object({
    loss: lossSpecSchema,
    /** Plot domain of the mean m. */
    from: finite,
    to: finite,
    /** Output grid size of the 1-D panel. */
    points: z.number().int().min(2).max(1_000_000),
    sigma: sigmaSchema,
    rho: rhoSchema,
    /** The current mean (draggable). */
    m: finite,
    visible: visibilitySchema,
  })
  .refine((s) => s.from < s.to, { message: 'from must be less than to', path: ['to'] });
export type Landscape1DState = z.infer<typeof landscape1dSchema>;

export const msigmaSchema = z
  .object({
    /** Which surface the heatmap shows. */
    surface: z.enum(['expected', 'biconjugate', 'gap']),
    /** (m, σ) or mean parameters (μ₁, μ₂) = (m, m² + σ²). */
    coords: z.enum(['msigma', 'mean']),
    /** The map's σ range (log-spaced rows); the same ceiling as the 1-D panel's σ. */
    sigmaFrom: positive.max(1e3),
    sigmaTo: positive.max(1e3),
  })
  .refine((s) => s.sigmaFrom < s.sigmaTo, { message: 'σ from must be less than σ to', path: ['sigmaTo'] });
export type MSigmaState = z.infer<typeof msigmaSchema>;

/** The 2-D loss: a 2-D preset (by id) or a typed expression in `x` and `y`. */
export const loss2dSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('preset'), id: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('expression'), text: z.string().max(500) }),
]);
export type Loss2DSpec = z.infer<typeof loss2dSpecSchema>;

export const MAPS_2D = ['loss', 'expected', 'sam', 'relaxed'] as const;
export type Map2D = (typeof MAPS_2D)[number];
export const PATH_OPTIMIZERS = ['gd', 'adam', 'sam', 'bsam'] as const;
export type PathOptimizer = (typeof PATH_OPTIMIZERS)[number];

/** Coordinates of the 2-D view: bounded so zooming out cannot reach overflow. */
export const VIEW_2D_LIMIT = 1e4;
const coordinate = finite.min(-VIEW_2D_LIMIT).max(VIEW_2D_LIMIT);

export const landscape2dSchema = z
  .object({
    loss: loss2dSpecSchema,
    /** The view (zoom and pan): the maps are computed on [xFrom, xTo] × [yFrom, yTo]. */
    xFrom: coordinate,
    xTo: coordinate,
    yFrom: coordinate,
    yTo: coordinate,
    /** Grid points per axis of the maps. */
    points: z.number().int().min(16).max(256),
    sigma: sigmaSchema,
    rho: rhoSchema,
    /** Start of the optimizer paths (draggable). */
    startX: coordinate,
    startY: coordinate,
    /** Which of the four maps are drawn, and the one the readout and keyboard refer to. */
    visible: z.object(Object.fromEntries(MAPS_2D.map((name) => [name, z.boolean()])) as Record<Map2D, z.ZodBoolean>),
    selected: z.enum(MAPS_2D),
    /** Which optimizer paths are drawn. */
    paths: z.object(Object.fromEntries(PATH_OPTIMIZERS.map((name) => [name, z.boolean()])) as Record<PathOptimizer, z.ZodBoolean>),
    learningRate: positive.max(10),
    steps: z.number().int().min(1).max(2000),
    /** bSAM's pseudo data size N: the posterior std is 1/√(N·s). */
    dataSize: z.number().int().min(1).max(1_000_000),
    /** Seed of bSAM's noise. */
    seed: z.number().int().min(0).max(2 ** 31 - 1),
  })
  .refine((s) => s.xFrom < s.xTo, { message: 'xFrom must be less than xTo', path: ['xTo'] })
  .refine((s) => s.yFrom < s.yTo, { message: 'yFrom must be less than yTo', path: ['yTo'] });
export type Landscape2DState = z.infer<typeof landscape2dSchema>;

export const experimentStateSchema = z.object({
  version: z.literal(STATE_VERSION),
  landscape1d: landscape1dSchema,
  msigma: msigmaSchema,
  training: trainingSchema,
  landscape2d: landscape2dSchema,
  /** The Fashion-MNIST experiment panel (src/state/fashion-experiment.ts); links made before it get its defaults. */
  experiment: experimentPanelSchema.default(DEFAULT_EXPERIMENT_PANEL),
  /** The minimiser-path panel (src/state/minimisers.ts); links made before it get its defaults. */
  minimisers: minimisersSchema.default(DEFAULT_MINIMISERS),
});
export type ExperimentState = z.infer<typeof experimentStateSchema>;

export const DEFAULT_STATE: ExperimentState = {
  version: STATE_VERSION,
  landscape1d: {
    loss: { kind: 'preset', id: 'sharp-flat' },
    from: -3,
    to: 3,
    points: 600,
    sigma: 0.5,
    rho: 0.3,
    m: 0.5,
    visible: { loss: true, expected: true, sam: true, relaxed: true, biconjugate: true },
  },
  msigma: { surface: 'gap', coords: 'msigma', sigmaFrom: 0.05, sigmaTo: 2 },
  training: OFFICIAL_BSAM_DEMO,
  // The values of the sharp-flat-2d preset (src/math/landscape2d/presets2d.ts); a test keeps them equal.
  landscape2d: {
    loss: { kind: 'preset', id: 'sharp-flat-2d' },
    xFrom: -3,
    xTo: 3,
    yFrom: -3,
    yTo: 3,
    points: 128,
    sigma: 0.4,
    rho: 0.3,
    startX: -0.6,
    startY: 1.2,
    visible: { loss: true, expected: true, sam: true, relaxed: true },
    selected: 'loss',
    paths: { gd: true, adam: true, sam: true, bsam: true },
    learningRate: 0.1,
    steps: 200,
    dataSize: 100,
    seed: 0,
  },
  experiment: DEFAULT_EXPERIMENT_PANEL,
  minimisers: DEFAULT_MINIMISERS,
};
