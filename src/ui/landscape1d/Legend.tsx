import type { ObjectiveName } from '../../math/objectives.ts';
import { OBJECTIVES } from '../../math/objectives.ts';
import type { Landscape1DState } from '../../state/experiment.ts';
import { OBJECTIVE_STYLE } from '../kit/objective-style.ts';
import { Tex } from '../kit/Tex.tsx';

interface Props {
  visible: Landscape1DState['visible'];
  onToggle: (name: ObjectiveName, visible: boolean) => void;
}

/** A line sample in the curve's colour and dash, so the legend matches the plot without colour too. */
function Swatch({ name }: { name: ObjectiveName }) {
  const s = OBJECTIVE_STYLE[name];
  return (
    <svg className="swatch" width="26" height="10" aria-hidden="true">
      <line x1="1" x2="25" y1="5" y2="5" stroke={s.color} strokeWidth={s.width + 0.5} strokeDasharray={s.dash} />
    </svg>
  );
}

/** The five objectives above the plot: a checkbox each (shows or hides the curve) and its definition. */
export function Legend({ visible, onToggle }: Props) {
  return (
    <fieldset className="legend" data-testid="legend">
      <legend className="visually-hidden">Objectives shown</legend>
      <ul>
        {OBJECTIVES.map((name) => {
          const s = OBJECTIVE_STYLE[name];
          return (
            <li key={name} className={visible[name] ? '' : 'is-hidden'} title={`${s.label}: ${s.description}`}>
              <label>
                <input
                  type="checkbox"
                  checked={visible[name]}
                  aria-label={`Show ${s.label}: ${s.description}, ${s.symbol}`}
                  data-testid={`toggle-${name}`}
                  onChange={(e) => onToggle(name, e.target.checked)}
                />
                <Swatch name={name} />
                <span className="legend-name">{s.label}</span>
                <Tex className="legend-formula" tex={s.tex} />
              </label>
            </li>
          );
        })}
        <li className="legend-note">
          <svg width="10" height="10" aria-hidden="true">
            <path d="M1,1 L9,1 L5,8 Z" fill="#555" />
          </svg>{' '}
          minimiser · always <Tex tex={String.raw`E_\sigma\le B_\sigma\le R_\sigma+\tfrac12`} />
        </li>
      </ul>
    </fieldset>
  );
}
