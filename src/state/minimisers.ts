/**
 * The minimiser-path panel's part of the state (`mn.*` in a link): which parameter the path sweeps —
 * σ over the (m, σ) map's σ range, or ρ over its own range below — with the other one held at the
 * 1-D panel's value. Links made before this section get its defaults.
 */
import { z } from 'zod';

export const PATH_AXES = ['sigma', 'rho'] as const;
export type PathAxis = (typeof PATH_AXES)[number];

/** ρ is swept on a log axis, so its range starts above 0; the ceiling is the 1-D panel's ρ ceiling. */
const rhoEnd = z.number().finite().positive().max(1e3);

export const minimisersSchema = z
  .object({
    axis: z.enum(PATH_AXES),
    rhoFrom: rhoEnd,
    rhoTo: rhoEnd,
  })
  .refine((s) => s.rhoFrom < s.rhoTo, { message: 'ρ from must be less than ρ to', path: ['rhoTo'] });
export type MinimisersState = z.infer<typeof minimisersSchema>;

/** On the sharp-flat loss SAM's minimiser jumps between ρ = 0.1 and 0.2 (presets.ts): inside this range. */
export const DEFAULT_MINIMISERS: MinimisersState = { axis: 'sigma', rhoFrom: 0.01, rhoTo: 1 };
