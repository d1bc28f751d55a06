/**
 * Message protocol of the 1-D landscape worker: the five curves on a grid of means (`curves`) and the
 * geometry at one mean (`geometry`). As for the other landscape workers, the loss travels as expression
 * TEXT and every message is validated on arrival (never throws). While computing, the worker posts
 * `progress` messages; the result's Float64Arrays are transferred, not copied.
 */
import { z } from 'zod';
import { MAX_POINTS } from '../math/landscape1d.ts';
import type { Landscape1D, PointGeometry } from '../math/landscape1d.types.ts';
import { OBJECTIVES, type ObjectiveName } from '../math/objectives.ts';
import type { DisplayIndices, NonFiniteCounts } from './landscape1d-display.ts';
import { errorResponseSchema, finite, parseRequest, requestHead } from './protocol-common.ts';
import type { ErrorResponse, ParsedRequest } from './protocol-common.ts';

/** The schema's bounds (src/state/experiment.ts) are what the panel can send; these only keep one request bounded. */
const sigma = finite.positive().max(1e6);
const rho = finite.min(0).max(1e6);

export const curvesRequestSchema = z
  .object({ ...requestHead('curves'), from: finite, to: finite, points: z.number().int().min(2).max(MAX_POINTS), sigma, rho })
  .strict()
  .refine((r) => r.from < r.to, { message: 'from must be less than to', path: ['to'] });

export const geometryRequestSchema = z.object({ ...requestHead('geometry'), m: finite, sigma, rho }).strict();

export const landscape1dRequestSchema = z.union([curvesRequestSchema, geometryRequestSchema]);

export type CurvesRequest = z.infer<typeof curvesRequestSchema>;
export type GeometryRequest = z.infer<typeof geometryRequestSchema>;
export type Landscape1DRequest = CurvesRequest | GeometryRequest;

export interface CurvesResult {
  id: number;
  kind: 'curves';
  /** The whole landscape, or beyond FULL_LANDSCAPE_MAX points only the points the plot needs (landscape1d-display.ts). */
  landscape: Landscape1D;
  /** Per curve, the indices into `landscape` the plot needs. */
  display: DisplayIndices;
  /** Points of the full grid. */
  points: number;
  /** Per curve, the non-finite points (for the notices). */
  counts: NonFiniteCounts;
  elapsedMs: number;
}
export interface GeometryResult {
  id: number;
  kind: 'geometry';
  geometry: PointGeometry;
  elapsedMs: number;
}
export interface ProgressMessage {
  id: number;
  kind: 'progress';
  stage: ObjectiveName;
  /** Fraction of the work done, 0..1. */
  fraction: number;
}
export type Landscape1DResponse = CurvesResult | GeometryResult | ProgressMessage | ErrorResponse;

export function parseLandscape1DRequest(data: unknown): ParsedRequest<Landscape1DRequest> {
  return parseRequest(landscape1dRequestSchema, data);
}

const arr = z.instanceof(Float64Array);
const nullableNumber = z.number().nullable();
const landscapeSchema = z.object({
  theta: arr,
  loss: arr,
  expected: arr,
  sam: arr,
  relaxed: arr,
  eps: arr,
  rhoEq: arr,
  biconjugate: arr,
  argmin: z.object(Object.fromEntries(OBJECTIVES.map((n) => [n, nullableNumber])) as Record<ObjectiveName, typeof nullableNumber>),
  warnings: z.array(z.string()),
});
const geometrySchema = z
  .object({
    m: z.number(),
    sigma: z.number(),
    rho: z.number(),
    loss: z.number(),
    expected: z.number(),
    samArgmax: z.number(),
    sam: z.number(),
    adversarial: z.number(),
    eps: z.number(),
    relaxed: z.number(),
    rhoEq: z.number(),
    majorant: z.object({ a: z.number(), b: z.number(), c: z.number() }).nullable(),
    atoms: z.array(z.object({ theta: z.number(), weight: z.number() })),
    biconjugate: z.number(),
    warnings: z.array(z.string()),
  })
  .strict();
const indices = z.instanceof(Int32Array);
const displaySchema = z.object(Object.fromEntries(OBJECTIVES.map((n) => [n, indices])) as Record<ObjectiveName, typeof indices>);
const count = z.number().int().nonnegative();
const countsEntry = z.object({ inf: count, nan: count }).strict();
const countsSchema = z.object(Object.fromEntries(OBJECTIVES.map((n) => [n, countsEntry])) as Record<ObjectiveName, typeof countsEntry>);
const id = z.number().int().nonnegative();
const responseSchema = z.union([
  z.object({ id, kind: z.literal('curves'), landscape: landscapeSchema, display: displaySchema, points: z.number().int().min(2), counts: countsSchema, elapsedMs: z.number() }),
  z.object({ id, kind: z.literal('geometry'), geometry: geometrySchema, elapsedMs: z.number() }),
  z.object({ id, kind: z.literal('progress'), stage: z.enum(OBJECTIVES), fraction: z.number().min(0).max(1) }),
  errorResponseSchema,
]);

/** Validates a worker message on the main thread: null for anything that is not a well-formed response. */
export function parseLandscape1DResponse(data: unknown): Landscape1DResponse | null {
  const parsed = responseSchema.safeParse(data);
  if (!parsed.success) return null;
  const res = parsed.data as Landscape1DResponse;
  if (res.kind === 'curves') {
    const l = res.landscape;
    const n = l.theta.length;
    if ([l.loss, l.expected, l.sam, l.relaxed, l.eps, l.rhoEq, l.biconjugate].some((a) => a.length !== n) || n > res.points) return null;
    if (OBJECTIVES.some((name) => res.display[name].some((i) => i < 0 || i >= n))) return null;
  }
  return res;
}

/** The buffers of a curves result, for postMessage's transfer list. */
export function curvesTransferables(r: CurvesResult): ArrayBuffer[] {
  const l = r.landscape;
  const arrays = [l.theta, l.loss, l.expected, l.sam, l.relaxed, l.eps, l.rhoEq, l.biconjugate, ...OBJECTIVES.map((n) => r.display[n])];
  const buffers = arrays.map((a) => a.buffer);
  return [...new Set(buffers)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
