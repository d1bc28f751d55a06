/**
 * Message protocol of the network-slice worker (slice.worker.ts). The main thread gets a NetworkSnapshot of
 * the live network from the training worker and asks for a slice; the slice is computed here in rows, with
 * progress, so training and the page go on meanwhile, and it can be cancelled between rows.
 *
 * Main → worker: compute {id, snapshot, settings, range?} (a new compute supersedes any running one) | cancel {id}.
 *   `range` is the part of the grid's cells this worker computes (default all), so several workers can share
 *   one slice; the main thread merges their results (mergeSliceParts).
 * Worker → main: progress {id, fraction} at most every PROGRESS_MS | result {id, result} | cancelled {id}
 *                | error {id, message} (bad request, or the slice could not be computed).
 */
import { z } from 'zod';
import type { SliceRange, SliceResult, SliceSettings } from '../train/slice/compute-slice.ts';
import type { NetworkSnapshot } from '../train/slice/snapshot.ts';

const settingsSchema = z.object({
  dims: z.union([z.literal(1), z.literal(2)]),
  axis: z.enum(['random', 'variance']),
  points: z.number().int().min(2).max(201),
  span: z.number().finite().positive().max(100),
  samples: z.number().int().min(1).max(256),
  rho: z.number().finite().min(0).max(100),
  seed: z.number().int(),
}) satisfies z.ZodType<SliceSettings>;

const snapshotSchema = z.object({
  sizes: z.array(z.number().int().min(1)).min(2),
  activation: z.enum(['tanh', 'relu', 'elu']),
  classes: z.number().int().min(2),
  weights: z.instanceof(Float32Array),
  posteriorStd: z.instanceof(Float32Array).nullable(),
  inputs: z.instanceof(Float32Array),
  labels: z.instanceof(Int32Array),
  step: z.number().int().min(0),
}) satisfies z.ZodType<NetworkSnapshot>;

// The grid's upper bound depends on the settings, so sliceProblem checks `to ≤ cells` (SliceJobs answers it).
const rangeSchema = z
  .object({ from: z.number().int().min(0), to: z.number().int() })
  .refine((r) => r.from < r.to, { message: 'the cell range must be non-empty: from < to' }) satisfies z.ZodType<SliceRange>;

export const sliceRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('compute'), id: z.number().int(), snapshot: snapshotSchema, settings: settingsSchema, range: rangeSchema.optional() }),
  z.object({ type: z.literal('cancel'), id: z.number().int() }),
]);
/** The parsed request, typed with the app's own snapshot type (zod's infers ArrayBuffer-backed arrays). */
export type SliceRequest =
  | { type: 'compute'; id: number; snapshot: NetworkSnapshot; settings: SliceSettings; range?: SliceRange }
  | { type: 'cancel'; id: number };

export type SliceResponse =
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'result'; id: number; result: SliceResult }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number | null; message: string };

/** A bad request's error carries its id when it has one, so the main thread can tell whose compute failed. */
export function parseSliceRequest(data: unknown): { ok: true; request: SliceRequest } | { ok: false; id: number | null; message: string } {
  const parsed = sliceRequestSchema.safeParse(data);
  if (parsed.success) return { ok: true, request: parsed.data as SliceRequest };
  const issue = parsed.error.issues[0];
  const id = (data as { id?: unknown } | null)?.id;
  return {
    ok: false,
    id: typeof id === 'number' && Number.isInteger(id) ? id : null,
    message: `bad slice request: ${issue.path.join('.') || '(message)'}: ${issue.message}`,
  };
}

export function resultTransferables(result: SliceResult): Transferable[] {
  return [result.coords, result.loss, result.sam, ...(result.expected ? [result.expected] : [])].map((a) => a.buffer as ArrayBuffer);
}
