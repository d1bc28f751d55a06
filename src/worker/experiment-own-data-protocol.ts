/**
 * The experiment worker's messages for "Load your own IDX files" (kept apart from experiment-protocol.ts,
 * which unions them in).
 *
 * Main → worker: load-own {files: [{name, bytes}]}: the user's files as picked or dropped (ArrayBuffers,
 *   transferred; gzip-compressed or raw). The worker decompresses, sorts them into roles, checks them and keeps
 *   them beside Fashion-MNIST; a bad set changes nothing (the last good own set and Fashion-MNIST stay).
 * Worker → main: own-loaded {summary, test} | own-error {message}.
 * A start request says which data its runs train on (`dataset`), so a run meant for the user's files can never
 * train on Fashion-MNIST instead.
 */
import { z } from 'zod';
import { EXPERIMENT_DATA_KINDS } from '../state/experiment-data.ts';
import type { ExperimentTestSet } from './experiment-protocol.ts';

/** More than any MNIST-style set needs (4), few enough that a stray folder drop is refused at once. */
export const MAX_OWN_FILES = 16;

export const loadOwnRequestSchema = z.object({
  type: z.literal('load-own'),
  files: z.array(z.object({ name: z.string().max(1000), bytes: z.instanceof(ArrayBuffer) })).max(MAX_OWN_FILES),
});
export type LoadOwnRequest = z.infer<typeof loadOwnRequestSchema>;

/** Which data a start request's runs train on; absent: the shipped Fashion-MNIST (as before own files existed). */
export const startDatasetSchema = z.enum(EXPERIMENT_DATA_KINDS).optional();

/** What was loaded, for the page to say exactly ("60,000 train / 10,000 test images, 28×28, 10 classes"). */
export interface OwnDataSummary {
  /** The training images' file name: what the state records, since a link cannot carry the files. */
  name: string;
  /** Each role's file name, as the user's system named it. */
  files: { trainImages: string; trainLabels: string; testImages: string; testLabels: string };
  trainImages: number;
  testImages: number;
  rows: number;
  cols: number;
  /** The network's outputs: the largest training label + 1 (labels are the class indices, 0-based). */
  classes: number;
  /** Classes in 0 … classes − 1 that no training label uses (EMNIST letters: 0, its labels run 1–26). */
  unusedClasses: number[];
}

export type OwnDataResponse = { type: 'own-loaded'; summary: OwnDataSummary; test: ExperimentTestSet } | { type: 'own-error'; message: string };
