/**
 * Reliability diagram of the latest evaluation (20 equal-width bins of the top-class confidence, as the
 * official ECE): bars are each bin's accuracy, the hatched boxes the gap to its mean confidence, the dashed
 * diagonal perfect calibration. A few dozen SVG elements, updated once per epoch.
 */
import { scaleLinear } from 'd3';
import type { EvaluationSummary } from '../../worker/train-protocol.ts';
import { confidenceFloor, reliabilitySummary } from './reliability.ts';

interface Props {
  evaluation: EvaluationSummary | null;
  classes: number;
  runLabel: string;
  testId: string;
  width?: number;
}

const HEIGHT = 210;
const MARGIN = { top: 22, right: 8, bottom: 30, left: 34 };

export function ReliabilityDiagram({ evaluation, classes, runLabel, testId, width = 250 }: Props) {
  const bins = evaluation?.reliability ?? [];
  const from = confidenceFloor(classes, bins.length || 20);
  const x = scaleLinear().domain([from, 1]).range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear().domain([0, 1]).range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const { filled, worst } = reliabilitySummary(bins);
  const ece = evaluation?.ece;
  const title = `${runLabel}: ECE ${ece !== undefined && Number.isFinite(ece) ? ece.toFixed(3) : '—'}`;
  const label = evaluation
    ? `Reliability diagram of ${runLabel} at step ${evaluation.step} on the ${evaluation.on === 'test' ? 'test' : 'training'} points: ${filled} of ${bins.length} confidence bins hold points, ECE ${evaluation.ece.toFixed(3)}${
        worst ? `; the largest gap is in the bin ${worst.lo.toFixed(2)}–${worst.hi.toFixed(2)} (accuracy ${worst.accuracy.toFixed(2)} at confidence ${worst.confidence.toFixed(2)})` : ''
      }.`
    : `Reliability diagram of ${runLabel}: no evaluation yet.`;
  const ticks = x.ticks(4);
  return (
    <svg
      className="train-reliability"
      width={width}
      height={HEIGHT}
      role="img"
      aria-label={label}
      data-testid={testId}
      data-filled-bins={filled}
      data-bins={bins.length}
      data-ece={ece ?? ''}
    >
      <text x={MARGIN.left} y={14} className="train-svg-title">
        {title}
      </text>
      <rect x={MARGIN.left} y={MARGIN.top} width={width - MARGIN.left - MARGIN.right} height={HEIGHT - MARGIN.top - MARGIN.bottom} fill="#fff" stroke="#c4c9d0" />
      {bins.map((b) =>
        b.count > 0 && b.hi > from ? (
          <g key={b.lo}>
            <rect x={x(Math.max(from, b.lo)) + 0.5} width={Math.max(0, x(b.hi) - x(Math.max(from, b.lo)) - 1)} y={y(b.accuracy)} height={y(0) - y(b.accuracy)} fill="#2166ac" fillOpacity={0.75} />
            <rect
              x={x(Math.max(from, b.lo)) + 0.5}
              width={Math.max(0, x(b.hi) - x(Math.max(from, b.lo)) - 1)}
              y={y(Math.max(b.accuracy, b.confidence))}
              height={Math.abs(y(b.accuracy) - y(b.confidence))}
              fill="#d95f02"
              fillOpacity={0.3}
              stroke="#d95f02"
              strokeWidth={0.8}
            />
          </g>
        ) : null,
      )}
      <line x1={x(from)} y1={y(from)} x2={x(1)} y2={y(1)} stroke="#1c1e21" strokeDasharray="4 3" strokeWidth={1} />
      {ticks.map((t) => (
        <text key={t} x={x(t)} y={HEIGHT - MARGIN.bottom + 13} textAnchor="middle" className="train-svg-tick">
          {t}
        </text>
      ))}
      {[0, 0.5, 1].map((t) => (
        <text key={t} x={MARGIN.left - 4} y={y(t) + 4} textAnchor="end" className="train-svg-tick">
          {t}
        </text>
      ))}
      <text x={(MARGIN.left + width - MARGIN.right) / 2} y={HEIGHT - 4} textAnchor="middle" className="train-svg-tick">
        confidence
      </text>
      <text transform={`translate(10 ${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="train-svg-tick">
        accuracy
      </text>
    </svg>
  );
}
