/**
 * Per-layer histograms of bSAM's posterior standard deviation 1/sqrt(N·s) on a shared log axis (the kit's
 * histograms): where the posterior is confident (small std, large precision s) and where it is not, with the
 * std every weight starts from dashed. Refreshed at the grid cadence.
 */
import type { StdHistograms as Histograms } from '../../worker/std-histogram.ts';
import { medianText, StdHistogramGrid } from '../kit/StdHistograms.tsx';

interface Props {
  histograms: Histograms | null;
  /** No grid has arrived yet (the histograms come with it). */
  pending: boolean;
  /** The std every weight starts from, 1/sqrt(N·s_init): drawn as a dashed reference line. */
  initialStd: number;
  width: number;
  runLabel: string;
  testId: string;
}

const CELL_MIN_WIDTH = 170;
const CELL_HEIGHT = 86;

export function StdHistograms({ histograms, pending, initialStd, width, runLabel, testId }: Props) {
  const layers = histograms?.layers ?? [];
  const columns = Math.max(1, Math.floor(width / CELL_MIN_WIDTH));
  const summary = layers.map((l) => `${l.layer} median ${medianText(l.median)}`).join(', ');
  return (
    <div
      data-testid={testId}
      data-layers={layers.length}
      data-counted={layers.reduce((n, l) => n + l.total, 0)}
      role="img"
      aria-label={
        layers.length
          ? `Histograms of ${runLabel}'s posterior standard deviation 1/sqrt(N·s) per layer, log scale, started at ${initialStd.toPrecision(2)}: ${summary}.`
          : `Histograms of ${runLabel}'s posterior standard deviation: not available yet.`
      }
      style={{ width }}
    >
      {histograms && layers.length > 0 ? (
        <StdHistogramGrid histograms={histograms} cellWidth={Math.floor(width / columns)} cellHeight={CELL_HEIGHT} colour="#7570b3" referenceStd={initialStd} />
      ) : (
        <p className="train-muted" style={{ margin: 0, height: CELL_HEIGHT, display: 'flex', alignItems: 'center', justifyContent: 'center', fontSize: 11 }}>
          {histograms ? 'no layers' : pending ? 'the posterior std appears with the first grid' : 'the posterior std is not available for this run'}
        </p>
      )}
    </div>
  );
}
