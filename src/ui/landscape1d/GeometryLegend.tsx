import type { PointGeometry } from '../../math/landscape1d.types.ts';
import { formatValue } from '../kit/format.ts';
import { GEOMETRY_COLOR } from '../kit/objective-style.ts';

const f = formatValue;

/** What the shapes drawn at the current m are, with their numbers. */
export function GeometryLegend({ g }: { g: PointGeometry }) {
  const atoms = g.atoms.filter((a) => Number.isFinite(a.theta) && a.weight > 0);
  return (
    <ul className="geometry-legend" data-testid="geometry-legend">
      <li>
        <svg width="26" height="12" aria-hidden="true">
          <path d="M1,11 C8,11 9,2 13,2 C17,2 18,11 25,11 Z" fill={GEOMETRY_COLOR.gaussian} fillOpacity={0.35} stroke={GEOMETRY_COLOR.gaussian} />
        </svg>
        <span>
          <i>q</i> = N({f(g.m)}, {f(g.sigma)}²), density scaled
        </span>
      </li>
      <li>
        <svg width="26" height="12" aria-hidden="true">
          <rect x="1" y="0" width="24" height="12" fill={GEOMETRY_COLOR.sam} fillOpacity={0.12} />
          <circle cx="13" cy="6" r="3.5" fill={GEOMETRY_COLOR.sam} />
        </svg>
        <span>
          SAM ball [<i>m</i>−ρ, <i>m</i>+ρ], argmax θ = {f(g.samArgmax)}
        </span>
      </li>
      <li>
        <svg width="26" height="12" aria-hidden="true">
          <line x1="1" x2="25" y1="6" y2="6" stroke={GEOMETRY_COLOR.penalty} strokeDasharray="5 3" strokeWidth="1.5" />
          <circle cx="13" cy="6" r="3.5" fill={GEOMETRY_COLOR.penalty} />
        </svg>
        {Number.isFinite(g.relaxed) ? (
          <span>
            penalty parabola Q<sub>σ</sub> touching ℓ at <i>m</i>+ε* = {f(g.adversarial)}; ρ<sub>eq</sub> = |ε*| ={' '}
            <span data-testid="rho-eq-value">{f(g.rhoEq)}</span>
          </span>
        ) : (
          <span>
            no penalty parabola: R<sub>σ</sub>(<i>m</i>) = {f(g.relaxed)}
          </span>
        )}
      </li>
      <li>
        <svg width="26" height="12" aria-hidden="true">
          <line x1="1" x2="25" y1="6" y2="6" stroke={GEOMETRY_COLOR.majorant} strokeDasharray="1.5 3" strokeLinecap="round" strokeWidth="1.5" />
          <circle cx="13" cy="6" r="3.5" fill={GEOMETRY_COLOR.majorant} />
        </svg>
        {g.majorant && Number.isFinite(g.biconjugate) ? (
          <span>
            optimal majorant Q* with {atoms.length} atom{atoms.length === 1 ? '' : 's'} (area ∝ weight)
            {atoms.length > 0 && `: ${atoms.map((a) => `${f(a.theta)} (${f(a.weight)})`).join(', ')}`}
          </span>
        ) : (
          <span>
            no quadratic majorant: B<sub>σ</sub>(<i>m</i>) = {f(g.biconjugate)}
          </span>
        )}
      </li>
    </ul>
  );
}
