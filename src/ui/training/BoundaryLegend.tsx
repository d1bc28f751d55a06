import { interpolateRdBu } from 'd3';
import { classColour, entropyColour, type PredictionSource } from './boundary-render.ts';
import type { HeatmapView } from './BoundaryPlot.tsx';

interface Props {
  classes: number;
  /** Whether a run has a posterior (bSAM): its thick boundary is that of the chosen prediction. */
  posterior: boolean;
  /** Whether posterior-sample boundaries are drawn (bSAM with two classes): the legend lists only what is drawn. */
  samples: boolean;
  hasTest: boolean;
  heatmap: HeatmapView;
  source: PredictionSource;
}

const STOPS = [0, 0.25, 0.5, 0.75, 1];
const PROBABILITY_GRADIENT = `linear-gradient(to right, ${STOPS.map((t) => interpolateRdBu(t)).join(', ')})`;
const ENTROPY_GRADIENT = `linear-gradient(to right, ${STOPS.map((t) => entropyColour(t)).join(', ')})`;

/** What the marks of the boundary plot mean. */
export function BoundaryLegend({ classes, posterior, samples, hasTest, heatmap, source }: Props) {
  const maxEntropy = Math.log(classes);
  return (
    <ul className="train-legend" aria-label="Decision boundary legend" data-testid="train-boundary-legend">
      {heatmap === 'entropy' ? (
        <li data-testid="train-entropy-legend">
          <span className="train-muted">entropy</span> 0
          <span className="train-gradient" style={{ background: ENTROPY_GRADIENT }} aria-hidden="true" />
          {maxEntropy.toFixed(2)} nats <span className="train-muted">(= ln {classes})</span>
        </li>
      ) : (
        classes === 2 && (
          <li>
            <span className="train-muted">p(class 1)</span> 0
            <span className="train-gradient" style={{ background: PROBABILITY_GRADIENT }} aria-hidden="true" />1
          </li>
        )
      )}
      <li>
        <svg width={22} height={8} aria-hidden="true">
          <line x1={1} x2={21} y1={4} y2={4} stroke="#111" strokeWidth={2.5} />
        </svg>
        {posterior
          ? source === 'mean'
            ? 'mean-weights boundary'
            : 'averaged-predictive boundary'
          : classes === 2
            ? 'boundary (p = ½)'
            : 'class boundaries (p = ½ for each class)'}
      </li>
      {posterior && !samples && (
        <li className="train-muted" data-testid="train-legend-no-samples">
          posterior-sample boundaries are drawn for 2 classes only
        </li>
      )}
      {samples && (
        <li>
          <svg width={22} height={8} aria-hidden="true">
            <line x1={1} x2={21} y1={4} y2={4} stroke="rgba(25,25,25,0.55)" strokeWidth={1} />
          </svg>
          posterior samples
        </li>
      )}
      <li>
        <svg width={12} height={12} aria-hidden="true">
          <circle cx={6} cy={6} r={4} fill={classColour(0)} />
        </svg>
        train
      </li>
      {hasTest && (
        <li>
          <svg width={12} height={12} aria-hidden="true">
            <circle cx={6} cy={6} r={3.6} fill="none" stroke={classColour(0)} strokeWidth={1.6} />
          </svg>
          test
        </li>
      )}
    </ul>
  );
}
