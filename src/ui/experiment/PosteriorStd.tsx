import type { StdHistograms } from '../../worker/std-histogram.ts';
import { StdHistogramGrid } from '../kit/StdHistograms.tsx';
import { ExportableFigure } from './ExportableFigure.tsx';
import { OPTIMIZER_COLOURS } from './optimizer-style.ts';

const W = 200;
const H = 90;

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
  const { log10From, log10To } = std.histograms;
  return (
    <ExportableFigure name="experiment-posterior-std" label="bSAM's posterior-std histograms">
      <figure className="experiment-std" data-testid="ex-std">
        <figcaption>
          bSAM (seed {seed}) posterior std per layer after epoch {std.epoch}, log₁₀ scale from {log10From.toFixed(2)} to {log10To.toFixed(2)}
        </figcaption>
        <StdHistogramGrid histograms={std.histograms} cellWidth={W} cellHeight={H} colour={OPTIMIZER_COLOURS.bsam} className="experiment-curves" />
      </figure>
    </ExportableFigure>
  );
}
