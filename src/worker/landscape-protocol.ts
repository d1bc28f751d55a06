/**
 * Message protocol of the landscape worker. A loss function cannot be posted to a worker, so a
 * request carries the loss as expression TEXT (a preset resolves to its expression on the main
 * thread) and the worker compiles it. Responses carry the grid as Float64Arrays that are
 * transferred, not copied.
 *
 * Every message that crosses the boundary is untrusted: `parseLandscapeRequest` validates it and
 * never throws, so a malformed message gets an error response instead of killing the worker.
 */
import { z } from 'zod';
import type { MSigmaGrid } from '../math/landscape1d.types.ts';
import { errorResponseSchema, finite, parseRequest, requestHead } from './protocol-common.ts';
import type { ErrorResponse, ParsedRequest as ParsedRequestOf } from './protocol-common.ts';

/** Limits that keep one request bounded in time and memory (the panel uses 200 × 100). */
export const MAX_AXIS_POINTS = 4096;
export const MAX_GRID_CELLS = 1_000_000;
export { MAX_EXPRESSION_LENGTH } from './protocol-common.ts';

export const msigmaRequestSchema = z
  .object({
    ...requestHead('msigma'),
    mFrom: finite,
    mTo: finite,
    mPoints: z.number().int().min(2).max(MAX_AXIS_POINTS),
    sigmaFrom: finite.positive(),
    sigmaTo: finite.positive(),
    sigmaPoints: z.number().int().min(2).max(MAX_AXIS_POINTS),
  })
  .strict()
  .refine((r) => r.mFrom < r.mTo, { message: 'mFrom must be less than mTo', path: ['mTo'] })
  .refine((r) => r.sigmaFrom < r.sigmaTo, { message: 'sigmaFrom must be less than sigmaTo', path: ['sigmaTo'] })
  .refine((r) => r.mPoints * r.sigmaPoints <= MAX_GRID_CELLS, { message: `at most ${MAX_GRID_CELLS} grid cells`, path: ['sigmaPoints'] });

export type MSigmaRequest = z.infer<typeof msigmaRequestSchema>;
export type LandscapeRequest = MSigmaRequest;

export interface LandscapeResultResponse {
  id: number;
  kind: 'result';
  grid: MSigmaGrid;
  /** Wall time of the computation inside the worker, for the status line. */
  elapsedMs: number;
}

export type LandscapeErrorResponse = ErrorResponse;

export type LandscapeResponse = LandscapeResultResponse | LandscapeErrorResponse;

export type ParsedRequest = ParsedRequestOf<LandscapeRequest>;

export function parseLandscapeRequest(data: unknown): ParsedRequest {
  return parseRequest(msigmaRequestSchema, data);
}

const gridArrays = z.instanceof(Float64Array);
const resultSchema = z.object({
  id: z.number().int().nonnegative(),
  kind: z.literal('result'),
  grid: z.object({
    m: gridArrays,
    sigma: gridArrays,
    expected: gridArrays,
    biconjugate: gridArrays,
    gap: gridArrays,
    warnings: z.array(z.string()),
  }),
  elapsedMs: z.number(),
});
const responseSchema = z.union([resultSchema, errorResponseSchema]);

/**
 * Validates a response on the main thread. Returns null for anything that is not a response, so a
 * stray message cannot crash the panel; grid array lengths are checked against the axes.
 */
export function parseLandscapeResponse(data: unknown): LandscapeResponse | null {
  const parsed = responseSchema.safeParse(data);
  if (!parsed.success) return null;
  const res = parsed.data;
  if (res.kind === 'result') {
    const g = res.grid;
    const cells = g.m.length * g.sigma.length;
    if (g.expected.length !== cells || g.biconjugate.length !== cells || g.gap.length !== cells) return null;
  }
  return res;
}

/** The buffers of a grid, to pass as the transfer list of postMessage. */
export function gridTransferables(grid: MSigmaGrid): ArrayBuffer[] {
  const buffers = [grid.m, grid.sigma, grid.expected, grid.biconjugate, grid.gap].map((a) => a.buffer);
  // Transferring the same buffer twice throws, and a stub might share one buffer between arrays.
  return [...new Set(buffers)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
