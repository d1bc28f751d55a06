import { line } from 'd3';
import type { PlotView } from './view.ts';

function curve(view: PlotView, f: (mu1: number) => number): string {
  const { mFrom, mTo } = view.domain;
  const pts: [number, number][] = [];
  for (let k = 0; k <= 120; k++) {
    const mu1 = mFrom + ((mTo - mFrom) * k) / 120;
    pts.push([view.x(mu1), view.y(f(mu1))]);
  }
  return line()(pts) ?? '';
}

/** The boundary μ₂ = μ₁² of the feasible region in mean coordinates (σ → 0). */
export function Parabola({ view }: { view: PlotView }) {
  const { mFrom, mTo } = view.domain;
  const labelM = mFrom + 0.8 * (mTo - mFrom);
  const [lx, ly] = [view.x(labelM), view.y(labelM * labelM)];
  return (
    <g data-testid="msigma-parabola" pointerEvents="none">
      <path d={curve(view, (m) => m * m)} fill="none" stroke="#222" strokeWidth={1.5} />
      <text x={lx + 6} y={ly + 4} fontSize={11} fill="#222">
        μ₂ = μ₁²
      </text>
      <text x={view.width - 6} y={view.height - 8} fontSize={11} fill="#6b6256" textAnchor="end">
        infeasible (μ₂ &lt; μ₁²)
      </text>
    </g>
  );
}

interface CrosshairProps {
  view: PlotView;
  m: number;
  sigma: number;
}

/**
 * The current (m, σ) of the state. In (m, σ) coordinates the horizontal line is the 1-D panel's
 * slice; in mean coordinates that slice is the dashed curve μ₂ = μ₁² + σ².
 */
export function Crosshair({ view, m, sigma }: CrosshairProps) {
  const [cx, cy] = view.toScreen(m, sigma);
  const slice = view.coords === 'mean' ? curve(view, (mu1) => mu1 * mu1 + sigma * sigma) : `M0,${cy}H${view.width}`;
  const halo = { stroke: 'white', strokeWidth: 3, strokeOpacity: 0.8, fill: 'none' } as const;
  const ink = { stroke: '#111', strokeWidth: 1.2, fill: 'none' } as const;
  return (
    <g data-testid="msigma-crosshair" data-m={m} data-sigma={sigma} pointerEvents="none">
      <path d={`M${cx},0V${view.height}`} {...halo} />
      <path d={slice} {...halo} />
      <path d={`M${cx},0V${view.height}`} {...ink} />
      <path d={slice} {...ink} strokeDasharray={view.coords === 'mean' ? '5 3' : undefined} />
      <circle cx={cx} cy={cy} r={5} fill="none" stroke="white" strokeWidth={3} />
      <circle cx={cx} cy={cy} r={5} fill="#e63946" stroke="#111" strokeWidth={1.2} />
    </g>
  );
}
