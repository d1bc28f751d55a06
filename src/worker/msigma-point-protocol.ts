/**
 * Protocol of the (m, σ) panel's point worker: E, B and B − E exactly at the current (m, σ), which the
 * panel used to read off the heatmap's grid by interpolation (0.2447 instead of 0.0858 with a σ range
 * from 1e-300). A separate, tiny request, so moving the crosshair never recomputes the map. Messages are
 * untrusted and validated (never throws), as in landscape-protocol.ts.
 */
import { z } from 'zod';
import type { GapAtPoint } from '../math/msigma.ts';
import { errorResponseSchema, finite, parseRequest, requestHead } from './protocol-common.ts';
import type { ErrorResponse, ParsedRequest } from './protocol-common.ts';

export const pointRequestSchema = z
  .object({
    ...requestHead('msigma-point'),
    m: finite,
    sigma: finite.positive(),
    /** Width of the plot's m-domain: the working grid is as dense as the 1-D panel's. */
    span: finite.positive(),
  })
  .strict();
export type PointRequest = z.infer<typeof pointRequestSchema>;

export interface PointResultResponse {
  id: number;
  kind: 'result';
  point: GapAtPoint;
  elapsedMs: number;
}
export type PointResponse = PointResultResponse | ErrorResponse;

export function parsePointRequest(data: unknown): ParsedRequest<PointRequest> {
  return parseRequest(pointRequestSchema, data);
}

// Non-finite numbers survive structured cloning, so E and B may be ±∞ or NaN (said in `warnings`).
const resultSchema = z.object({
  id: z.number().int().nonnegative(),
  kind: z.literal('result'),
  point: z.object({ expected: z.number(), biconjugate: z.number(), gap: z.number(), warnings: z.array(z.string()) }),
  elapsedMs: z.number(),
});

/** Validates a response on the main thread; null for anything that is not one. */
export function parsePointResponse(data: unknown): PointResponse | null {
  const parsed = z.union([resultSchema, errorResponseSchema]).safeParse(data);
  return parsed.success ? parsed.data : null;
}
