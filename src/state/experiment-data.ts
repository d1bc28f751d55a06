/**
 * Which images the experiment panel trains on (`ex.data.*` in a link): the shipped Fashion-MNIST, or the user's
 * own IDX files (MNIST, KMNIST, EMNIST letters…). A link cannot carry files, so for 'own' it records only a
 * name (the training images' file name); a page opened from such a link must ask for the files again and
 * never train on Fashion-MNIST in their place.
 */
import { z } from 'zod';

export const EXPERIMENT_DATA_KINDS = ['fashion-mnist', 'own'] as const;
export type ExperimentDataKind = (typeof EXPERIMENT_DATA_KINDS)[number];

/** Long enough for any file name a user's system gives (EMNIST's longest is 43 characters). */
export const MAX_OWN_DATA_NAME = 200;

export const experimentDataSchema = z.object({
  kind: z.enum(EXPERIMENT_DATA_KINDS),
  /** 'own': the training images' file name, shown when the files must be loaded again; '' for Fashion-MNIST. */
  name: z.string().max(MAX_OWN_DATA_NAME),
});
export type ExperimentData = z.infer<typeof experimentDataSchema>;

export const DEFAULT_EXPERIMENT_DATA: ExperimentData = { kind: 'fashion-mnist', name: '' };

/** The state's record of loaded own files: the name cut to what a link may hold. */
export function ownExperimentData(name: string): ExperimentData {
  return { kind: 'own', name: name.slice(0, MAX_OWN_DATA_NAME) };
}
