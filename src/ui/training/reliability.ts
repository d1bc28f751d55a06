/** Pure parts of the reliability diagram: the confidence range worth drawing and a summary for screen readers. */
import type { ReliabilityBin } from '../../train/metrics.ts';

/**
 * The top-class confidence is at least 1/classes, so bins below that are always empty: the x axis starts at
 * the lower edge of the bin holding 1/classes (0.5 for two classes).
 */
export function confidenceFloor(classes: number, bins: number): number {
  return Math.floor((bins * 1) / Math.max(1, classes) + 1e-9) / bins;
}

/** Non-empty bins, and the one furthest from the diagonal (weighted by nothing: what the eye sees). */
export function reliabilitySummary(bins: readonly ReliabilityBin[]): { filled: number; worst: ReliabilityBin | null } {
  const filled = bins.filter((b) => b.count > 0);
  let worst: ReliabilityBin | null = null;
  for (const b of filled) if (!worst || Math.abs(b.accuracy - b.confidence) > Math.abs(worst.accuracy - worst.confidence)) worst = b;
  return { filled: filled.length, worst };
}
