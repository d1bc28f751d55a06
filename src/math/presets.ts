// TEMPORARY STUB: the loss presets are being written. API is final.
export interface LossPreset {
  id: string;
  name: string;
  /** The expression in theta (goes through the same parser as typed text). */
  expression: string;
  description: string;
  /** Suggested plot domain and sliders. */
  from: number;
  to: number;
  sigma: number;
  rho: number;
  m: number;
}
export const LOSS_PRESETS: readonly LossPreset[] = [
  { id: 'sharp-flat', name: 'Sharp and flat minima (Fig. 1)', expression: '0.5*theta^2', description: '', from: -3, to: 3, sigma: 0.5, rho: 0.3, m: 0.5 },
];
export function findPreset(id: string): LossPreset | undefined {
  return LOSS_PRESETS.find((p) => p.id === id);
}
