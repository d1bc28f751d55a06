/**
 * A reliability diagram, the one the training lab and the experiment panel both draw: bars are each
 * confidence bin's accuracy, the hatched boxes (when `gaps`) the gap to the bin's mean confidence, the
 * dashed diagonal perfect calibration; an empty bin draws nothing. A few dozen SVG elements.
 */
import { scaleLinear } from 'd3';
import type { ReliabilityBin } from '../../train/metrics.ts';
import { Axes } from './Axes.tsx';
import { fixedTicks, linearTicks } from './axis-ticks.ts';
import { layoutFrame } from './plot-frame.ts';

export interface ReliabilityDiagramProps {
  bins: readonly ReliabilityBin[];
  /** The confidence axis starts here (the top-class confidence is at least 1/classes). */
  from: number;
  title: string;
  /** The accessible description of the whole diagram. */
  label: string;
  width: number;
  height: number;
  colour?: string;
  /** Draw the gap between each bin's accuracy and its mean confidence. */
  gaps?: boolean;
  className?: string;
  testId?: string;
  /** Attributes for the tests (data-…), on the svg element. */
  data?: Record<`data-${string}`, string | number>;
}

/** Room above the plot area for the title. */
const TITLE_ROOM = 22;

export function ReliabilityDiagram({ bins, from, title, label, width, height, colour = '#2166ac', gaps = false, className, testId, data }: ReliabilityDiagramProps) {
  const x = scaleLinear().domain([from, 1]);
  const y = scaleLinear().domain([0, 1]);
  const frame = layoutFrame({
    outerWidth: width,
    outerHeight: height,
    xTitle: true,
    yTitle: true,
    room: { top: TITLE_ROOM, right: 8 },
    xTicks: (w) => linearTicks(x, w / 52),
    yTicks: () => fixedTicks([0, 0.5, 1]),
  });
  const { margin, width: w, height: h } = frame;
  x.range([0, w]);
  y.range([h, 0]);
  const left = (b: ReliabilityBin) => x(Math.max(from, b.lo));
  const barWidth = (b: ReliabilityBin) => Math.max(0, x(b.hi) - left(b) - 1);
  return (
    <svg className={className} width={width} height={height} role="img" aria-label={label} data-testid={testId} {...data}>
      <text x={margin.left} y={14} className="plot-title" fontSize={12} fontWeight={600} fill="#33373d">
        {title}
      </text>
      <g transform={`translate(${margin.left},${margin.top})`}>
        <Axes x={x} y={y} width={w} height={h} xTicks={frame.xTicks} yTicks={frame.yTicks} xTitle="confidence" yTitle="accuracy" grid="none" fill="#fff" />
        {bins.map((b) =>
          b.count > 0 && b.hi > from ? (
            <g key={b.lo}>
              <rect x={left(b) + 0.5} width={barWidth(b)} y={y(b.accuracy)} height={y(0) - y(b.accuracy)} fill={colour} fillOpacity={0.75} />
              {gaps && (
                <rect
                  x={left(b) + 0.5}
                  width={barWidth(b)}
                  y={y(Math.max(b.accuracy, b.confidence))}
                  height={Math.abs(y(b.accuracy) - y(b.confidence))}
                  fill="#d95f02"
                  fillOpacity={0.3}
                  stroke="#d95f02"
                  strokeWidth={0.8}
                />
              )}
            </g>
          ) : null,
        )}
        <line x1={x(from)} y1={y(from)} x2={x(1)} y2={y(1)} stroke="#1c1e21" strokeDasharray="4 3" strokeWidth={1} />
      </g>
    </svg>
  );
}
