/** The 2-D panel's controls column: the loss, σ and ρ, which maps show, and the optimizer paths' settings. */
import type { Landscape2DState } from '../../state/experiment.ts';
import { MAPS_2D } from '../../state/experiment.ts';
import type { Action } from '../../state/update.ts';
import { LIMITS, parseField } from '../../state/update.ts';
import { RHO_SLIDER, SIGMA_SLIDER } from '../kit/log-scale.ts';
import { LogSlider } from '../kit/LogSlider.tsx';
import { Loss2DControls } from './Loss2DControls.tsx';
import { MAP_TOGGLE_LABELS } from './map-titles.ts';
import { PathControls } from './PathControls.tsx';

interface Props {
  s: Landscape2DState;
  dispatch: (action: Action) => void;
}

const parseSigma = (t: string) => parseField(t, LIMITS.sigma, 'σ');
const parseRho = (t: string) => parseField(t, LIMITS.rho, 'ρ');

export function Landscape2DControls({ s, dispatch }: Props) {
  return (
    <div className="landscape2d-controls">
      <Loss2DControls spec={s.loss} onPreset={(id) => dispatch({ type: 'apply2DPreset', id })} onExpression={(text) => dispatch({ type: 'set2DLossExpression', text })} />
      <LogSlider
        tex={String.raw`\sigma`}
        name="σ, posterior standard deviation (2-D)"
        hint="expected and relaxed maps"
        value={s.sigma}
        range={SIGMA_SLIDER}
        parse={parseSigma}
        onChange={(v) => dispatch({ type: 'set2DSigma', sigma: v })}
        testId="sigma2d"
      />
      <LogSlider
        tex={String.raw`\rho`}
        name="ρ, SAM radius (2-D)"
        hint="sam map, SAM and bSAM paths"
        value={s.rho}
        range={RHO_SLIDER}
        parse={parseRho}
        onChange={(v) => dispatch({ type: 'set2DRho', rho: v })}
        testId="rho2d"
      />
      <fieldset className="control landscape2d-toggles">
        <legend className="control-label">Maps</legend>
        {MAPS_2D.map((name) => (
          <label key={name}>
            <input type="checkbox" data-testid={`show-map2d-${name}`} checked={s.visible[name]} onChange={(e) => dispatch({ type: 'patch2D', patch: { visible: { [name]: e.target.checked } } })} />
            {MAP_TOGGLE_LABELS[name]}
          </label>
        ))}
      </fieldset>
      <PathControls s={s} dispatch={dispatch} />
    </div>
  );
}
