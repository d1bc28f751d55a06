/**
 * The one experiment state: everything the panels show is derived from it, and it is all that a
 * permalink (a later issue) needs to carry. Plain JSON, versioned, validated by zod.
 */
import { z } from 'zod';
import { OBJECTIVES } from '../math/objectives.ts';
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
    sigma: positive.max(1e3),
    rho: finite.min(0).max(1e3),
    /** The current mean (draggable). */
    m: finite,
    visible: visibilitySchema,
  })
  .refine((s) => s.from < s.to, { message: 'from must be less than to', path: ['to'] });
export type Landscape1DState = z.infer<typeof landscape1dSchema>;

export const msigmaSchema = z.object({
  /** Which surface the heatmap shows. */
  surface: z.enum(['expected', 'biconjugate', 'gap']),
  /** (m, σ) or mean parameters (μ₁, μ₂) = (m, m² + σ²). */
  coords: z.enum(['msigma', 'mean']),
  sigmaFrom: positive,
  sigmaTo: positive,
});
export type MSigmaState = z.infer<typeof msigmaSchema>;

export const experimentStateSchema = z.object({
  version: z.literal(STATE_VERSION),
  landscape1d: landscape1dSchema,
  msigma: msigmaSchema,
  training: trainingSchema,
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
};
