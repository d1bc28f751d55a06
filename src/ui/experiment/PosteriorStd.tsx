import { scaleLinear } from 'd3';
import type { StdHistograms } from '../../worker/std-histogram.ts';
import { ExportableFigure } from './ExportableFigure.tsx';
import { OPTIMIZER_COLOURS } from './optimizer-style.ts';

/** A layer with no finite positive std (a diverged run) has no median: said, not printed as NaN. */
const median = (m: number) => (Number.isFinite(m) ? m.toPrecision(3) : 'none');
const W = 200;
const H = 90;
const M = { top: 16, bottom: 18, left: 6, right: 6 };

interface Props {
  std: { run: number; epoch: number; histograms: StdHistograms };
  seed: number;
}

/**
 * bSAM's posterior standard deviation 1/√(N·s) per layer after the latest epoch, as histograms over log10(std)
 * on one shared range (so layers compare), redrawn each epoch: where the posterior is wide the model average
 * differs most from the mean weights.
 */
export function PosteriorStd({ std, seed }: Props) {
  const { log10From, log10To, layers } = std.histograms;
  const x = scaleLinear().domain([log10From, log10To]).range([M.left, W - M.right]);
  return (
    <ExportableFigure name="experiment-posterior-std" label="bSAM's posterior-std histograms">
      <figure className="experiment-std" data-testid="ex-std">
        <figcaption>
          bSAM (seed {seed}) posterior std per layer after epoch {std.epoch}, log₁₀ scale from {log10From.toFixed(2)} to {log10To.toFixed(2)}
        </figcaption>
        <div className="experiment-curves">
          {layers.map((l) => {
            const peak = Math.max(1, ...l.counts);
            const w = (W - M.left - M.right) / l.counts.length;
            return (
              <svg key={l.layer} width={W} height={H} role="img" aria-label={`${l.layer}: ${l.total} values, median std ${median(l.median)}`}>
                <text x={M.left} y={11} fontSize={11}>
                  {l.layer} (median {median(l.median)})
                </text>
                {l.counts.map((c, b) => {
                  const h = ((H - M.top - M.bottom) * c) / peak;
                  return c > 0 ? <rect key={b} x={M.left + b * w} width={Math.max(1, w - 1)} y={H - M.bottom - h} height={h} fill={OPTIMIZER_COLOURS.bsam} /> : null;
                })}
                <text x={x(log10From)} y={H - 4} fontSize={10}>
                  {log10From.toFixed(1)}
                </text>
                <text x={x(log10To)} y={H - 4} fontSize={10} textAnchor="end">
                  {log10To.toFixed(1)}
                </text>
              </svg>
            );
          })}
        </div>
      </figure>
    </ExportableFigure>
  );
}
