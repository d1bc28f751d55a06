import type { Landscape1DState } from '../../state/experiment.ts';
import type { Action } from '../../state/update.ts';
import { LIMITS, parseBounded, parseField } from '../../state/update.ts';
import { RHO_SLIDER, SIGMA_SLIDER } from '../kit/log-scale.ts';
import { LogSlider } from '../kit/LogSlider.tsx';
import { NumberField } from '../kit/NumberField.tsx';
import { DomainControls } from './DomainControls.tsx';
import { LossControls } from './LossControls.tsx';

interface Props {
  ls: Landscape1DState;
  dispatch: (action: Action) => void;
}

const parseSigma = (t: string) => parseField(t, LIMITS.sigma, 'σ');
const parseRho = (t: string) => parseField(t, LIMITS.rho, 'ρ');

/** The 1-D panel's settings column: the loss, σ, ρ, the mean m and the plotted domain. */
export function Landscape1DControls({ ls, dispatch }: Props) {
  const { from, to, points, sigma, rho, m } = ls;
  const parseM = (t: string) => parseBounded(t, { min: from, max: to }, 'm');
  return (
    <div className="controls-column">
      <LossControls
        spec={ls.loss}
        onPreset={(id) => dispatch({ type: 'applyPreset', id })}
        onExpression={(text) => dispatch({ type: 'setLossExpression', text })}
      />
      <LogSlider
        tex={String.raw`\sigma`}
        name="σ, posterior standard deviation"
        hint="posterior std. dev. (E, R, B)"
        value={sigma}
        range={SIGMA_SLIDER}
        parse={parseSigma}
        onChange={(v) => dispatch({ type: 'setSigma', sigma: v })}
        testId="sigma"
      />
      <LogSlider
        tex={String.raw`\rho`}
        name="ρ, SAM radius"
        hint="SAM radius (S)"
        value={rho}
        range={RHO_SLIDER}
        parse={parseRho}
        onChange={(v) => dispatch({ type: 'setRho', rho: v })}
        testId="rho"
      />
      <div className="control m-control">
        <label htmlFor="m-number" className="control-label">
          m <span className="hint">mean of q (or drag on the plot)</span>
        </label>
        <NumberField id="m-number" label="m, mean of q" value={m} parse={parseM} onCommit={(v) => dispatch({ type: 'setM', m: v })} testId="m" />
      </div>
      <DomainControls from={from} to={to} points={points} onCommit={(domain) => dispatch({ type: 'setDomain1D', domain })} />
    </div>
  );
}
