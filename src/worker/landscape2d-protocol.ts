/**
 * Message protocol of the 2-D landscape worker, the same shape as landscape-protocol.ts (the shared
 * parts are in protocol-common.ts): requests carry the loss as expression TEXT in x and y, every
 * message is validated and a malformed one gets an error response, and the grids come back as
 * transferred Float64Arrays.
 */
import { z } from 'zod';
import { MAX_POINTS_2D, MIN_POINTS_2D } from '../math/landscape2d/landscape2d.ts';
import type { Landscape2D } from '../math/landscape2d/types.ts';
import { errorResponseSchema, finite, parseRequest, requestHead } from './protocol-common.ts';
import type { ErrorResponse, ParsedRequest } from './protocol-common.ts';

export { MAX_EXPRESSION_LENGTH } from './protocol-common.ts';

export const maps2dRequestSchema = z
  .object({
    ...requestHead('maps2d'),
    xFrom: finite,
    xTo: finite,
    yFrom: finite,
    yTo: finite,
    /** The panel asks for at most 256 × 256; the protocol allows the maths' own bound. */
    points: z.number().int().min(MIN_POINTS_2D).max(MAX_POINTS_2D),
    sigma: finite.positive(),
    rho: finite.min(0),
  })
  .strict()
  .refine((r) => r.xFrom < r.xTo, { message: 'xFrom must be less than xTo', path: ['xTo'] })
  .refine((r) => r.yFrom < r.yTo, { message: 'yFrom must be less than yTo', path: ['yTo'] });

export type Maps2DRequest = z.infer<typeof maps2dRequestSchema>;

export interface Maps2DResultResponse {
  id: number;
  kind: 'result';
  maps: Landscape2D;
  elapsedMs: number;
}
export type Maps2DErrorResponse = ErrorResponse;
/** Sent while a request computes: the fraction done and the objective being computed. */
export interface Maps2DProgressResponse {
  id: number;
  kind: 'progress';
  fraction: number;
  stage: string;
}
/** The one answer a request gets (progress messages may precede it). */
export type Maps2DFinalResponse = Maps2DResultResponse | Maps2DErrorResponse;
export type Maps2DResponse = Maps2DFinalResponse | Maps2DProgressResponse;

export function parseMaps2DRequest(data: unknown): ParsedRequest<Maps2DRequest> {
  return parseRequest(maps2dRequestSchema, data);
}

const arr = z.instanceof(Float64Array);
const responseSchema = z.union([
  z.object({
    id: z.number().int().nonnegative(),
    kind: z.literal('result'),
    maps: z.object({ x: arr, y: arr, loss: arr, expected: arr, sam: arr, relaxed: arr, warnings: z.array(z.string()) }),
    elapsedMs: z.number(),
  }),
  z.object({ id: z.number().int().nonnegative(), kind: z.literal('progress'), fraction: z.number().min(0).max(1), stage: z.string() }),
  errorResponseSchema,
]);

/** Validates a response on the main thread (null for anything else); grid sizes must match the axes. */
export function parseMaps2DResponse(data: unknown): Maps2DResponse | null {
  const parsed = responseSchema.safeParse(data);
  if (!parsed.success) return null;
  const res = parsed.data;
  if (res.kind === 'result') {
    const { x, y, loss, expected, sam, relaxed } = res.maps;
    const cells = x.length * y.length;
    if (x.length !== y.length || [loss, expected, sam, relaxed].some((a) => a.length !== cells)) return null;
  }
  return res;
}

export function maps2DTransferables(maps: Landscape2D): ArrayBuffer[] {
  const buffers = [maps.x, maps.y, maps.loss, maps.expected, maps.sam, maps.relaxed].map((a) => a.buffer);
  return [...new Set(buffers)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
