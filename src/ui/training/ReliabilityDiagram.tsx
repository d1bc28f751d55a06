/**
 * Reliability diagram of the latest evaluation (20 equal-width bins of the top-class confidence, as the
 * official ECE), drawn by the kit's diagram with the gaps to each bin's mean confidence; updated once per epoch.
 */
import type { EvaluationSummary } from '../../worker/train-protocol.ts';
import { ReliabilityDiagram as Diagram } from '../kit/ReliabilityDiagram.tsx';
import { confidenceFloor, reliabilitySummary } from './reliability.ts';

interface Props {
  evaluation: EvaluationSummary | null;
  classes: number;
  runLabel: string;
  testId: string;
  width?: number;
}

const HEIGHT = 210;

export function ReliabilityDiagram({ evaluation, classes, runLabel, testId, width = 250 }: Props) {
  const bins = evaluation?.reliability ?? [];
  const from = confidenceFloor(classes, bins.length || 20);
  const { filled, worst } = reliabilitySummary(bins);
  const ece = evaluation?.ece;
  const title = `${runLabel}: ECE ${ece !== undefined && Number.isFinite(ece) ? ece.toFixed(3) : '—'}`;
  const label = evaluation
    ? `Reliability diagram of ${runLabel} at step ${evaluation.step} on the ${evaluation.on === 'test' ? 'test' : 'training'} points: ${filled} of ${bins.length} confidence bins hold points, ECE ${evaluation.ece.toFixed(3)}${
        worst ? `; the largest gap is in the bin ${worst.lo.toFixed(2)}–${worst.hi.toFixed(2)} (accuracy ${worst.accuracy.toFixed(2)} at confidence ${worst.confidence.toFixed(2)})` : ''
      }.`
    : `Reliability diagram of ${runLabel}: no evaluation yet.`;
  return (
    <Diagram
      bins={bins}
      from={from}
      title={title}
      label={label}
      width={width}
      height={HEIGHT}
      gaps
      className="train-reliability"
      testId={testId}
      data={{ 'data-filled-bins': filled, 'data-bins': bins.length, 'data-ece': ece ?? '' }}
    />
  );
}
