/**
 * Message protocol of the minimiser-path worker (the argmin of each objective as σ or ρ grows). As in
 * landscape-protocol.ts the loss travels as expression TEXT, every message is validated and never
 * throws, and the result's Float64Arrays are transferred. Progress messages report swept values done.
 */
import { z } from 'zod';
import { errorResponseSchema, finite, parseRequest, requestHead } from './protocol-common.ts';
import type { ErrorResponse, ParsedRequest } from './protocol-common.ts';

/** Bounds that keep one request to seconds (each swept value is one 1-D computation of `points` means). */
export const MAX_PATH_VALUES = 400;
export const MAX_PATH_POINTS = 4000;

export const minimiserRequestSchema = z
  .object({
    ...requestHead('minimiser-path'),
    from: finite,
    to: finite,
    points: z.number().int().min(3).max(MAX_PATH_POINTS),
    /** Which parameter is swept; the other is held at its value here (the swept one's value is not read). */
    axis: z.enum(['sigma', 'rho']),
    sigma: finite.positive(),
    rho: finite.min(0),
    sweepFrom: finite.positive(),
    sweepTo: finite.positive(),
    sweepPoints: z.number().int().min(2).max(MAX_PATH_VALUES),
  })
  .strict()
  .refine((r) => r.from < r.to, { message: 'from must be less than to', path: ['to'] })
  .refine((r) => r.sweepFrom < r.sweepTo, { message: 'sweepFrom must be less than sweepTo', path: ['sweepTo'] });

export type MinimiserRequest = z.infer<typeof minimiserRequestSchema>;

/** The path as posted: the swept values, one array per objective (NaN where absent) and the warnings saying why. */
export interface PostedPath {
  axis: 'sigma' | 'rho';
  values: Float64Array;
  expected: Float64Array;
  sam: Float64Array;
  relaxed: Float64Array;
  biconjugate: Float64Array;
  warnings: string[];
}

export interface MinimiserResultResponse {
  id: number;
  kind: 'result';
  path: PostedPath;
  elapsedMs: number;
}

export interface MinimiserProgress {
  id: number;
  kind: 'progress';
  done: number;
  total: number;
}

export type MinimiserResponse = MinimiserResultResponse | ErrorResponse;

export function parseMinimiserRequest(data: unknown): ParsedRequest<MinimiserRequest> {
  return parseRequest(minimiserRequestSchema, data);
}

const arr = z.instanceof(Float64Array);
const resultSchema = z.object({
  id: z.number().int().nonnegative(),
  kind: z.literal('result'),
  path: z.object({ axis: z.enum(['sigma', 'rho']), values: arr, expected: arr, sam: arr, relaxed: arr, biconjugate: arr, warnings: z.array(z.string()) }),
  elapsedMs: z.number(),
});
const responseSchema = z.union([resultSchema, errorResponseSchema]);
const progressSchema = z.object({ id: z.number().int().nonnegative(), kind: z.literal('progress'), done: z.number().int(), total: z.number().int() });

/** Null for anything that is not a final response (progress included); array lengths are checked. */
export function parseMinimiserResponse(data: unknown): MinimiserResponse | null {
  const parsed = responseSchema.safeParse(data);
  if (!parsed.success) return null;
  const res = parsed.data;
  if (res.kind === 'result') {
    const p = res.path;
    const n = p.values.length;
    if ([p.expected, p.sam, p.relaxed, p.biconjugate].some((a) => a.length !== n)) return null;
  }
  return res;
}

export function parseMinimiserProgress(data: unknown): MinimiserProgress | null {
  const parsed = progressSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

export function pathTransferables(path: PostedPath): ArrayBuffer[] {
  const buffers = [path.values, path.expected, path.sam, path.relaxed, path.biconjugate].map((a) => a.buffer);
  return [...new Set(buffers)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
