import { area } from 'd3';
import type { PointGeometry } from '../../math/landscape1d.types.ts';
import { formatValue } from '../kit/format.ts';
import { GEOMETRY_COLOR } from '../kit/objective-style.ts';
import type { PlotFrame } from './plot-geometry.ts';
import { samplePath, yPixel } from './plot-geometry.ts';

interface Props {
  g: PointGeometry;
  frame: PlotFrame;
  from: number;
  to: number;
}

const fin = Number.isFinite;

/** q = N(m, σ²) along the bottom, its density scaled so the peak has a fixed height. */
function Gaussian({ g, frame, from, to }: Props) {
  const lo = Math.max(from, g.m - 4 * g.sigma);
  const hi = Math.min(to, g.m + 4 * g.sigma);
  if (!(hi > lo)) return null;
  const peak = 0.16 * frame.height;
  const n = 160;
  const ts = Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
  const d = area<number>()
    .x((t) => frame.x(t))
    .y0(frame.height)
    .y1((t) => frame.height - peak * Math.exp(-((t - g.m) ** 2) / (2 * g.sigma ** 2)))(ts);
  return (
    <path data-testid="gaussian" d={d ?? ''} fill={GEOMETRY_COLOR.gaussian} fillOpacity={0.28} stroke={GEOMETRY_COLOR.gaussian} strokeWidth={1.25} />
  );
}

/** SAM's ball [m−ρ, m+ρ] as a band behind the curves. */
function SamBand({ g, frame }: Props) {
  const x0 = Math.max(0, frame.x(g.m - g.rho));
  const x1 = Math.min(frame.width, frame.x(g.m + g.rho));
  return <rect data-testid="sam-interval" x={x0} width={Math.max(0, x1 - x0)} y={0} height={frame.height} fill={GEOMETRY_COLOR.sam} fillOpacity={0.07} />;
}

/** SAM's max over the ball as a bar across it, and the argmax. */
function SamMax({ g, frame }: Props) {
  if (!fin(g.sam)) return null;
  const x0 = Math.max(0, frame.x(g.m - g.rho));
  const x1 = Math.min(frame.width, frame.x(g.m + g.rho));
  const y = yPixel(frame, g.sam);
  const c = GEOMETRY_COLOR.sam;
  return (
    <g className="sam-geometry">
      <line x1={x0} x2={x1} y1={y} y2={y} stroke={c} strokeWidth={1.5} />
      <line x1={x0} x2={x0} y1={y - 4} y2={y + 4} stroke={c} strokeWidth={1.5} />
      <line x1={x1} x2={x1} y1={y - 4} y2={y + 4} stroke={c} strokeWidth={1.5} />
      {fin(g.samArgmax) && (
        <circle data-testid="sam-argmax" cx={frame.x(g.samArgmax)} cy={y} r={4.5} fill={c} stroke="#fff" strokeWidth={1.5}>
          <title>{`SAM argmax θ = ${formatValue(g.samArgmax)}, S_ρ(m) = ${formatValue(g.sam)}`}</title>
        </circle>
      )}
    </g>
  );
}

/** Q_σ(θ) = R_σ(m) + (θ−m)²/(2σ²) touching ℓ at the adversarial point m+ε*, and ρ_eq = |ε*|. */
function PenaltyParabola({ g, frame, from, to }: Props) {
  if (!fin(g.relaxed) || !fin(g.adversarial) || !fin(g.eps)) return null;
  const c = GEOMETRY_COLOR.penalty;
  const q = (t: number) => g.relaxed + (t - g.m) ** 2 / (2 * g.sigma ** 2);
  const ax = frame.x(g.adversarial);
  const ay = yPixel(frame, q(g.adversarial));
  const mx = frame.x(g.m);
  // The label goes on the side away from m so it does not sit on the m line.
  const right = ax >= mx;
  return (
    <g className="penalty-geometry">
      <path data-testid="penalty-parabola" d={samplePath(frame, from, to, 240, q)} fill="none" stroke={c} strokeWidth={1.4} strokeDasharray="5 3" />
      {/* ε* as an arrow from m to the adversarial point, stopping short of the dot. */}
      {Math.abs(ax - mx) > 10 && (
        <line x1={mx} x2={ax + (right ? -6 : 6)} y1={ay} y2={ay} stroke={c} strokeWidth={1.2} markerEnd="url(#l1d-eps-arrow)" />
      )}
      <circle data-testid="adversarial" cx={ax} cy={ay} r={4.5} fill={c} stroke="#fff" strokeWidth={1.5}>
        <title>{`adversarial point m+ε* = ${formatValue(g.adversarial)}`}</title>
      </circle>
      {fin(g.rhoEq) && (
        <text data-testid="rho-eq" className="plot-label" x={ax + (right ? 8 : -8)} y={ay - 8} textAnchor={right ? 'start' : 'end'} fill={c}>
          {`ρ_eq = ${formatValue(g.rhoEq)}`}
        </text>
      )}
    </g>
  );
}

/** The optimal quadratic majorant Q* and the atoms of the extremal distribution (area ∝ weight). */
function Majorant({ g, frame, from, to }: Props) {
  const M = g.majorant;
  if (!M || !fin(M.a) || !fin(M.b) || !fin(M.c)) return null;
  const c = GEOMETRY_COLOR.majorant;
  const q = (t: number) => M.a + M.b * t + M.c * t * t;
  return (
    <g className="majorant-geometry">
      <path data-testid="majorant" d={samplePath(frame, from, to, 240, q)} fill="none" stroke={c} strokeWidth={1.4} strokeDasharray="1.5 3" strokeLinecap="round" />
      {g.atoms
        .filter((a) => fin(a.theta) && fin(a.weight) && a.weight > 0)
        .map((a, i) => (
          <circle
            // Atoms carry no state of their own, so their order is a fine key.
            key={i}
            data-testid="atom"
            data-weight={a.weight}
            cx={frame.x(a.theta)}
            cy={yPixel(frame, q(a.theta))}
            r={2.5 + 7 * Math.sqrt(Math.min(1, a.weight))}
            fill={c}
            fillOpacity={0.8}
            stroke="#fff"
            strokeWidth={1.25}
          >
            <title>{`atom θ = ${formatValue(a.theta)}, weight ${formatValue(a.weight)}`}</title>
          </circle>
        ))}
    </g>
  );
}

/** What is drawn at the current mean m behind the curves: q and SAM's ball. */
export function GeometryUnder(props: Props) {
  return (
    <g className="geometry-under" pointerEvents="none">
      <Gaussian {...props} />
      <SamBand {...props} />
    </g>
  );
}

/** What is drawn at the current mean m over the curves (theory.md §2 facts 1–4), so its points stay visible. */
export function GeometryOver(props: Props) {
  return (
    <g className="geometry-over" pointerEvents="none">
      <defs>
        <marker id="l1d-eps-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L8,4 L0,8 Z" fill={GEOMETRY_COLOR.penalty} />
        </marker>
      </defs>
      <Majorant {...props} />
      <SamMax {...props} />
      <PenaltyParabola {...props} />
    </g>
  );
}
