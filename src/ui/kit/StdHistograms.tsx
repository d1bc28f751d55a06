/**
 * Per-layer histograms of bSAM's posterior standard deviation 1/√(N·s) over log10(std), on one shared range
 * so layers compare: the training lab's and the experiment panel's, one small SVG per layer (the counts are
 * binned in the worker; here they are only drawn). A dashed line marks a reference std when given (the
 * training lab's starting 1/√(N·s_init)).
 */
import { scaleLinear } from 'd3';
import type { StdHistogram, StdHistograms as Histograms } from '../../worker/std-histogram.ts';
import { Axes } from './Axes.tsx';
import { formatLogTick, logTicks } from './log10-ticks.ts';
import { frameMargins } from './plot-frame.ts';

/** A layer with no finite positive std (a diverged run) has no median: said, not printed as NaN. */
export const medianText = (m: number) => (Number.isFinite(m) ? m.toPrecision(2) : 'none');

interface LayerProps {
  layer: StdHistogram;
  log10From: number;
  log10To: number;
  width: number;
  height: number;
  colour: string;
  /** log10 of a reference std, drawn dashed. */
  reference?: number;
}

const TITLE_ROOM = 16;

function LayerHistogram({ layer, log10From: from, log10To: to, width, height, colour, reference }: LayerProps) {
  const x = scaleLinear().domain([from, to]);
  const xTicks = logTicks(from, to).map((value) => ({ value, label: formatLogTick(value) }));
  const margin = frameMargins({ xTicks, yTicks: [], room: { top: TITLE_ROOM, left: 8, right: 8 } });
  const w = Math.max(20, width - margin.left - margin.right);
  const h = Math.max(10, height - margin.top - margin.bottom);
  x.range([0, w]);
  const peak = Math.max(1, ...layer.counts);
  const bin = w / layer.counts.length;
  return (
    <svg width={width} height={height} role="img" aria-label={`${layer.layer}: ${layer.total} values, median std ${medianText(layer.median)}`}>
      <text x={margin.left} y={TITLE_ROOM - 4} fontSize={11} fill="#33373d">
        {layer.layer} · median {medianText(layer.median)}
      </text>
      <g transform={`translate(${margin.left},${margin.top})`}>
        <Axes x={x} y={() => 0} width={w} height={h} xTicks={xTicks} yTicks={[]} grid="none" />
        {layer.counts.map((c, b) => {
          const bh = Math.max(1, (c / peak) * (h - 2));
          return c > 0 ? <rect key={b} x={b * bin + 0.5} width={Math.max(1, bin - 1)} y={h - bh} height={bh} fill={colour} /> : null;
        })}
        {reference !== undefined && Number.isFinite(reference) && reference >= from && reference <= to && (
          <line x1={x(reference)} x2={x(reference)} y2={h} stroke="#1c1e21" strokeDasharray="3 2" />
        )}
      </g>
    </svg>
  );
}

export interface StdHistogramsProps {
  histograms: Histograms;
  /** Each layer's plot. */
  cellWidth: number;
  cellHeight: number;
  colour: string;
  /** A reference std (not log10), drawn dashed in every layer. */
  referenceStd?: number;
  className?: string;
}

export function StdHistogramGrid({ histograms, cellWidth, cellHeight, colour, referenceStd, className }: StdHistogramsProps) {
  const { log10From, log10To, layers } = histograms;
  const reference = referenceStd !== undefined ? Math.log10(referenceStd) : undefined;
  return (
    <div className={className} style={{ display: 'flex', flexWrap: 'wrap' }}>
      {layers.map((l) => (
        <LayerHistogram key={l.layer} layer={l} log10From={log10From} log10To={log10To} width={cellWidth} height={cellHeight} colour={colour} reference={reference} />
      ))}
    </div>
  );
}
